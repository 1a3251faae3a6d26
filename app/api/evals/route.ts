// POST /api/evals – start an eval run from CI (prompts:write), optionally waiting for its verdict
import { startEvalRunFromApi } from "@/lib/eval-runs/start-eval-run-from-api";
import { apiRoute } from "@/lib/http/api-route";
import { ciEvalRequestSchema } from "@/lib/validations/eval-run";

export const POST = apiRoute(
  { route: "/api/evals", auth: "api-key", action: "prompt.edit", body: ciEvalRequestSchema },
  async ({ req, access, body, ctx }) =>
    startEvalRunFromApi({
      ctx,
      project: access.project,
      createdById: access.key.createdById,
      input: body,
      signal: req.signal,
    }),
);
