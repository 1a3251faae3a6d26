// GET /api/projects/[project]/datasets/[datasetId]/rows?version&after&limit – a page of a version's
// rows in order; POST – "Add to dataset": a new version with these rows after the latest ones
import { addDatasetRows } from "@/lib/datasets/add-dataset-rows";
import { listDatasetRows } from "@/lib/datasets/list-dataset-rows";
import { apiRoute } from "@/lib/http/api-route";
import { appendDatasetRowsSchema, datasetRowsQuerySchema } from "@/lib/validations/dataset";

const route = "/api/projects/[project]/datasets/[datasetId]/rows";

export const GET = apiRoute(
  { route, action: "dataset.view", query: datasetRowsQuerySchema },
  async ({ params, access, query }) =>
    listDatasetRows({ projectId: access.project.id, datasetId: params.datasetId, ...query }),
);

export const POST = apiRoute(
  { route, action: "dataset.edit", body: appendDatasetRowsSchema },
  async ({ params, access, body, ctx }) =>
    addDatasetRows({
      ctx,
      projectId: access.project.id,
      datasetId: params.datasetId,
      userId: access.actor.id,
      rows: body.rows,
      message: body.message,
    }),
);
