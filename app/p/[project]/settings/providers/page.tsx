import type { Metadata } from "next";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listProviders } from "@/lib/providers/list-providers";
import { ProvidersClient } from "@/components/settings/providers-client";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "provider.manage");
  return <ProvidersClient projectSlug={access.project.slug} providers={await listProviders({ projectId: access.project.id })} />;
}
