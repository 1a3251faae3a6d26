// GET /api/projects/[project]/datasets/[datasetId] – a dataset with its versions; PATCH – rename,
// describe, archive or restore; DELETE – remove it (409 while an eval run or a gate uses it)
import { deleteDataset } from "@/lib/datasets/delete-dataset";
import { getDataset } from "@/lib/datasets/get-dataset";
import { updateDataset } from "@/lib/datasets/update-dataset";
import { apiRoute } from "@/lib/http/api-route";
import { updateDatasetSchema } from "@/lib/validations/dataset";

const route = "/api/projects/[project]/datasets/[datasetId]";

export const GET = apiRoute({ route, action: "dataset.view" }, async ({ params, access }) =>
  getDataset({ projectId: access.project.id, datasetId: params.datasetId }),
);

export const PATCH = apiRoute(
  { route, action: "dataset.edit", body: updateDatasetSchema },
  async ({ params, access, body, ctx }) =>
    updateDataset({ ctx, projectId: access.project.id, datasetId: params.datasetId, changes: body }),
);

export const DELETE = apiRoute({ route, action: "dataset.edit" }, async ({ params, access, ctx }) =>
  deleteDataset({ ctx, projectId: access.project.id, datasetId: params.datasetId }),
);
