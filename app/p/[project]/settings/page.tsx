import type { Metadata } from "next";

import { ProjectForm } from "@/components/settings/project-form";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can, roleLabels } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "project.view");
  return (
    <div className="max-w-lg space-y-6">
      <ProjectForm
        slug={access.project.slug}
        name={access.project.name}
        canRename={can(access.role, "project.rename")}
      />
      <p className="text-muted">
        Your role here: <strong className="text-ink">{roleLabels[access.role].label}</strong> —{" "}
        {roleLabels[access.role].description}
      </p>
    </div>
  );
}
