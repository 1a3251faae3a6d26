// POST /api/projects/[project]/evaluators/[evaluatorId]/try – score a sample output with a saved evaluator
import { tryEvaluator } from "@/lib/evaluators/try-evaluator";
import { apiRoute } from "@/lib/http/api-route";
import { tryEvaluatorSchema } from "@/lib/validations/evaluator";

// eval.run: a judge or an HTTP evaluator calls out (and may cost money), as a run does.
export const POST = apiRoute(
  { route: "/api/projects/[project]/evaluators/[evaluatorId]/try", action: "eval.run", body: tryEvaluatorSchema },
  async ({ req, params, access, body }) =>
    tryEvaluator({
      projectId: access.project.id,
      evaluator: { id: params.evaluatorId },
      sample: body.sample,
      signal: req.signal,
    }),
);
