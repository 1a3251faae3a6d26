// GET /api/projects/[project]/eval-runs/[number]/results – one page of the results matrix (?filter=failures|differences|regressions&q=&after=)
import { getEvalRunMatrix } from "@/lib/eval-results/get-eval-run-matrix";
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { matrixQuerySchema } from "@/lib/validations/eval-results";

const route = "/api/projects/[project]/eval-runs/[number]/results";

export const GET = apiRoute(
  { route, action: "dataset.view", query: matrixQuerySchema },
  async ({ params, access, query }) =>
    getEvalRunMatrix({
      projectId: access.project.id,
      number: parseRouteInt({ value: params.number, name: "number" }),
      query,
    }),
);
