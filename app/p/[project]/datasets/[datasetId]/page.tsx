import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { DatasetEditor } from "@/components/datasets/dataset-editor";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { getDataset } from "@/lib/datasets/get-dataset";
import { listPromptChoices } from "@/lib/datasets/list-prompt-choices";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Dataset" };

export default async function DatasetPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; datasetId: string }>;
  searchParams: Promise<{ import?: string }>;
}) {
  const { project, datasetId } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "dataset.view");
  const dataset = await getDataset({ projectId: access.project.id, datasetId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const canEdit = can(access.role, "dataset.edit");
  // The import wizard offers the project's prompts for typing values by their variables.
  const prompts = canEdit ? await listPromptChoices({ projectId: access.project.id }) : [];
  return (
    <DatasetEditor
      key={`${dataset.id}-${dataset.latestVersion}`}
      projectSlug={access.project.slug}
      dataset={dataset}
      canEdit={canEdit}
      prompts={prompts}
      // Only an empty dataset opens the wizard from the link, so a refresh after importing does not reopen it.
      startImport={search.import === "1" && dataset.latestVersion === 0}
    />
  );
}
