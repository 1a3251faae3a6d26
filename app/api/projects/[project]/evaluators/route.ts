// GET /api/projects/[project]/evaluators – the project's evaluators, last changed first; POST – save one
import { createEvaluator } from "@/lib/evaluators/create-evaluator";
import { listEvaluators } from "@/lib/evaluators/list-evaluators";
import { apiRoute } from "@/lib/http/api-route";
import { createEvaluatorSchema, evaluatorListQuerySchema } from "@/lib/validations/evaluator";

const route = "/api/projects/[project]/evaluators";

export const GET = apiRoute(
  { route, action: "dataset.view", query: evaluatorListQuerySchema },
  async ({ access, query }) =>
    listEvaluators({
      projectId: access.project.id,
      cursor: query.cursor,
      archived: query.archived === "true",
      q: query.q,
    }),
);

export const POST = apiRoute(
  { route, action: "evaluator.edit", body: createEvaluatorSchema },
  async ({ access, body, ctx }) =>
    createEvaluator({ ctx, projectId: access.project.id, creatorId: access.actor.id, input: body }),
);
