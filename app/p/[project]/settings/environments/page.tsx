import type { Metadata } from "next";

import { EnvironmentsClient } from "@/components/settings/environments-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listEnvironments } from "@/lib/environments/list-environments";
import { listGateChoices } from "@/lib/gates/list-gate-choices";
import { listGates } from "@/lib/gates/list-gates";

export const metadata: Metadata = { title: "Environments settings" };

export default async function EnvironmentSettingsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "environment.manage");
  const [environments, gates, gateChoices] = await Promise.all([
    listEnvironments({ projectId: access.project.id }),
    listGates({ projectId: access.project.id }),
    listGateChoices({ projectId: access.project.id }),
  ]);
  return (
    <EnvironmentsClient
      projectSlug={access.project.slug}
      environments={environments}
      gates={gates}
      gateChoices={gateChoices}
    />
  );
}
