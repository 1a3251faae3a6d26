import type { Metadata } from "next";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  await getPageAccess(project, "environment.view");
  return (
    <>
      <PageHeader title="Environments" description="Development, staging and production: which version of each prompt each one runs." />
      <EmptyState title="No deployments yet">
        Each environment will point at one version of each prompt, and its history answers “what ran when”. Deploy a
        prompt version once prompts exist in this project.
      </EmptyState>
    </>
  );
}
