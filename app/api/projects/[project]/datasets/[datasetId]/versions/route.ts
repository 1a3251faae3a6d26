// POST /api/projects/[project]/datasets/[datasetId]/versions – save the table's edits as the next version
import { saveDatasetVersion } from "@/lib/datasets/save-dataset-version";
import { apiRoute } from "@/lib/http/api-route";
import { saveDatasetVersionSchema } from "@/lib/validations/dataset";

export const POST = apiRoute(
  {
    route: "/api/projects/[project]/datasets/[datasetId]/versions",
    action: "dataset.edit",
    body: saveDatasetVersionSchema,
  },
  async ({ params, access, body, ctx }) =>
    saveDatasetVersion({
      ctx,
      projectId: access.project.id,
      datasetId: params.datasetId,
      userId: access.actor.id,
      input: body,
    }),
);
