// POST /api/projects/[project]/datasets/[datasetId]/import/preview – columns, first rows and every
// problem of a CSV or JSONL file, writing nothing
import { previewDatasetImport } from "@/lib/datasets/preview-dataset-import";
import { apiRoute } from "@/lib/http/api-route";
import { importPreviewSchema } from "@/lib/validations/dataset";

export const POST = apiRoute(
  {
    route: "/api/projects/[project]/datasets/[datasetId]/import/preview",
    action: "dataset.edit",
    body: importPreviewSchema,
  },
  async ({ params, access, body }) =>
    previewDatasetImport({ projectId: access.project.id, datasetId: params.datasetId, input: body }),
);
