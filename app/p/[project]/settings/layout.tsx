import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ project: string }>;
}) {
  const { project } = await params;
  const access = await getPageAccess(project, "project.view");
  const base = `/p/${access.project.slug}/settings`;
  const tabs = [
    { href: base, label: "Project" },
    ...(can(access.role, "member.manage") ? [{ href: `${base}/members`, label: "Members" }] : []),
    ...(can(access.role, "provider.manage") ? [{ href: `${base}/providers`, label: "Providers" }] : []),
    ...(can(access.role, "environment.manage") ? [{ href: `${base}/environments`, label: "Environments" }] : []),
    ...(can(access.role, "apikey.manage") ? [{ href: `${base}/api-keys`, label: "API keys" }] : []),
    ...(can(access.role, "webhook.manage") ? [{ href: `${base}/webhooks`, label: "Webhooks" }] : []),
    ...(can(access.role, "audit.view") ? [{ href: `${base}/audit`, label: "Audit log" }] : []),
  ];
  return (
    <>
      <PageHeader title="Settings" description={access.project.name} />
      <SettingsTabs tabs={tabs} />
      <div className="mt-6">{children}</div>
    </>
  );
}
