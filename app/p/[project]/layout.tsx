import { AppShell } from "@/components/shell/app-shell";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listUserProjects } from "@/lib/projects/list-user-projects";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ project: string }>;
}) {
  const { project } = await params;
  const access = await getPageAccess(project, "project.view");
  const projects = await listUserProjects({ userId: access.user.id });
  const current = projects.find((p) => p.id === access.project.id) ?? { ...access.project, role: access.role };
  return (
    <AppShell user={access.user} projects={projects} current={current}>
      {children}
    </AppShell>
  );
}
