import type { Metadata } from "next";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  await getPageAccess(project, "review.view");
  return (
    <>
      <PageHeader title="Reviews" description="Requests to promote a prompt version to an environment." />
      <EmptyState title="Nothing to review">
        When someone asks for a review of a prompt version, it appears here with its diff, comments and approvals.
      </EmptyState>
    </>
  );
}
