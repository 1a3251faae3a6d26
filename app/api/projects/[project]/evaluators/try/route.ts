// POST /api/projects/[project]/evaluators/try – score a sample output with an evaluator before saving it
import { tryEvaluator } from "@/lib/evaluators/try-evaluator";
import { apiRoute } from "@/lib/http/api-route";
import { tryUnsavedEvaluatorSchema } from "@/lib/validations/evaluator";

// eval.run: a judge or an HTTP evaluator calls out (and may cost money), as a run does.
export const POST = apiRoute(
  { route: "/api/projects/[project]/evaluators/try", action: "eval.run", body: tryUnsavedEvaluatorSchema },
  async ({ req, access, body }) =>
    tryEvaluator({ projectId: access.project.id, evaluator: body.evaluator, sample: body.sample, signal: req.signal }),
);
