// GET /api/evals/[number] – an eval run's status, progress, pass rates and verdict, for CI (prompts:read)
import { getCiEvalStatus } from "@/lib/eval-runs/get-ci-eval-status";
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";

export const GET = apiRoute(
  { route: "/api/evals/[number]", auth: "api-key", action: "prompt.view" },
  async ({ params, access }) =>
    getCiEvalStatus({
      projectId: access.project.id,
      projectSlug: access.project.slug,
      number: parseRouteInt({ value: params.number, name: "number" }),
    }),
);
