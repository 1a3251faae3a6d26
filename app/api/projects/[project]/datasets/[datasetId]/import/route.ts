// POST /api/projects/[project]/datasets/[datasetId]/import – a whole CSV or JSONL file as one new
// version, or nothing and every problem (422)
import { importDatasetFile } from "@/lib/datasets/import-dataset-file";
import { apiRoute } from "@/lib/http/api-route";
import { importDatasetSchema } from "@/lib/validations/dataset";

export const POST = apiRoute(
  { route: "/api/projects/[project]/datasets/[datasetId]/import", action: "dataset.edit", body: importDatasetSchema },
  async ({ params, access, body, ctx }) =>
    importDatasetFile({
      ctx,
      projectId: access.project.id,
      datasetId: params.datasetId,
      userId: access.actor.id,
      input: body,
    }),
);
