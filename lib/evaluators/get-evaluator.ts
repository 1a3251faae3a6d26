import { toEvaluatorView, type EvaluatorView } from "@/lib/evaluators/evaluator-view";
import { getEvaluatorOrThrow } from "@/lib/evaluators/get-evaluator-or-throw";

export async function getEvaluator(opts: { projectId: string; evaluatorId: string }): Promise<EvaluatorView> {
  return toEvaluatorView(await getEvaluatorOrThrow(opts));
}
