import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  await getPageAccess(project, "dataset.view");
  return (
    <>
      <PageHeader title="Datasets" description="Golden examples that every prompt version is evaluated against." />
      <EmptyState title="No datasets yet">
        A dataset is a table of variable values (and, if you like, the output you expect). Datasets become available
        with evaluation; until then there is nothing to set up here.
      </EmptyState>
    </>
  );
}
