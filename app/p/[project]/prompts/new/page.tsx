import type { Metadata } from "next";

import { NewPromptForm } from "@/components/prompts/new-prompt-form";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";

export const metadata: Metadata = { title: "New prompt" };

export default async function NewPromptPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<{ folder?: string }>;
}) {
  const { project } = await params;
  const { folder } = await searchParams;
  const access = await getPageAccess(project, "prompt.edit");
  return (
    <div className="max-w-xl">
      <PageHeader title="New prompt" description="Name it by what it does; slashes make folders." />
      <NewPromptForm projectSlug={access.project.slug} folder={folder} />
    </div>
  );
}
