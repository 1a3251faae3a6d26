// POST /api/projects/[project]/eval-runs/[number]/cancel – stop a queued or running eval run (what finished keeps its scores)
import { cancelEvalRun } from "@/lib/eval-runs/cancel-eval-run";
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";

export const POST = apiRoute(
  { route: "/api/projects/[project]/eval-runs/[number]/cancel", action: "eval.run" },
  async ({ params, access, ctx }) =>
    cancelEvalRun({
      ctx,
      projectId: access.project.id,
      number: parseRouteInt({ value: params.number, name: "number" }),
    }),
);
