// GET /api/projects/[project]/datasets – the project's datasets, last changed first; POST – create one
import { createDataset } from "@/lib/datasets/create-dataset";
import { listDatasets } from "@/lib/datasets/list-datasets";
import { apiRoute } from "@/lib/http/api-route";
import { createDatasetSchema, datasetListQuerySchema } from "@/lib/validations/dataset";

const route = "/api/projects/[project]/datasets";

export const GET = apiRoute(
  { route, action: "dataset.view", query: datasetListQuerySchema },
  async ({ access, query }) =>
    listDatasets({
      projectId: access.project.id,
      cursor: query.cursor,
      archived: query.archived === "true",
      q: query.q,
    }),
);

export const POST = apiRoute(
  { route, action: "dataset.edit", body: createDatasetSchema },
  async ({ access, body, ctx }) =>
    createDataset({ ctx, projectId: access.project.id, creatorId: access.actor.id, input: body }),
);
