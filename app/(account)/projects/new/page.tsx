import type { Metadata } from "next";

import { NewProjectForm } from "@/components/settings/new-project-form";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { listUserProjects } from "@/lib/projects/list-user-projects";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  const user = await getCurrentUser();
  const projects = user ? await listUserProjects({ userId: user.id }) : [];
  return (
    <div className="max-w-lg">
      <PageHeader
        title="New project"
        description={
          projects.length
            ? "A project holds prompts, environments and the people who work on them."
            : "You are not in any project yet. Create one (you will own it), or ask an admin for an invite link to theirs."
        }
      />
      <NewProjectForm />
    </div>
  );
}
