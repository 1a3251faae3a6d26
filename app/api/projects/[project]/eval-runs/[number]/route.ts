// GET /api/projects/[project]/eval-runs/[number] – a run with column aggregates, progress and ETA, and chart data (what the run page polls)
import { getEvalRunDetail } from "@/lib/eval-results/get-eval-run-detail";
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";

const route = "/api/projects/[project]/eval-runs/[number]";

export const GET = apiRoute({ route, action: "dataset.view" }, async ({ params, access }) =>
  getEvalRunDetail({ projectId: access.project.id, number: parseRouteInt({ value: params.number, name: "number" }) }),
);
