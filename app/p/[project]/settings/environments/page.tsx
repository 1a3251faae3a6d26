import type { Metadata } from "next";

import { EnvironmentsClient } from "@/components/settings/environments-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listEnvironments } from "@/lib/environments/list-environments";

export const metadata: Metadata = { title: "Environments settings" };

export default async function EnvironmentSettingsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "environment.manage");
  return (
    <EnvironmentsClient
      projectSlug={access.project.slug}
      environments={await listEnvironments({ projectId: access.project.id })}
    />
  );
}
