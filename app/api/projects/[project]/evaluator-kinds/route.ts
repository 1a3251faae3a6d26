// GET /api/projects/[project]/evaluator-kinds – every evaluator kind with its label, group and settings' JSON Schema
import { listEvaluatorKinds } from "@/lib/evaluators/list-evaluator-kinds";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ route: "/api/projects/[project]/evaluator-kinds", action: "dataset.view" }, async () =>
  listEvaluatorKinds(),
);
