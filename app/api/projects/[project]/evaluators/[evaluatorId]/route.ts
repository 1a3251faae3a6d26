// GET /api/projects/[project]/evaluators/[evaluatorId] – one evaluator; PATCH – change the fields named
// (name, kind with config, config, negate, weight, archived); DELETE – remove it (409 while a gate uses it)
import { deleteEvaluator } from "@/lib/evaluators/delete-evaluator";
import { getEvaluator } from "@/lib/evaluators/get-evaluator";
import { updateEvaluator } from "@/lib/evaluators/update-evaluator";
import { apiRoute } from "@/lib/http/api-route";
import { updateEvaluatorSchema } from "@/lib/validations/evaluator";

const route = "/api/projects/[project]/evaluators/[evaluatorId]";

export const GET = apiRoute({ route, action: "dataset.view" }, async ({ params, access }) =>
  getEvaluator({ projectId: access.project.id, evaluatorId: params.evaluatorId }),
);

export const PATCH = apiRoute(
  { route, action: "evaluator.edit", body: updateEvaluatorSchema },
  async ({ params, access, body, ctx }) =>
    updateEvaluator({ ctx, projectId: access.project.id, evaluatorId: params.evaluatorId, changes: body }),
);

export const DELETE = apiRoute({ route, action: "evaluator.edit" }, async ({ params, access, ctx }) =>
  deleteEvaluator({ ctx, projectId: access.project.id, evaluatorId: params.evaluatorId }),
);
