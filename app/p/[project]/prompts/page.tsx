import type { Metadata } from "next";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Prompts" };

export default async function PromptsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "prompt.view");
  return (
    <>
      <PageHeader title="Prompts" description={`The prompts of ${access.project.name}, versioned and reviewed.`} />
      <EmptyState title="No prompts yet">
        Prompts are the templates your application sends to an LLM. Once the prompt registry is enabled in this build,
        you will create them here, write them in the editor, and save numbered versions. For now, invite the people
        who will write and review them from Settings → Members.
      </EmptyState>
    </>
  );
}
