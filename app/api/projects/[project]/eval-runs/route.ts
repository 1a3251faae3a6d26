// GET /api/projects/[project]/eval-runs – eval runs, newest first, filtered by prompt and status
import { listEvalRuns } from "@/lib/eval-results/list-eval-runs";
import { apiRoute } from "@/lib/http/api-route";
import { listEvalRunsSchema } from "@/lib/validations/eval-results";

const route = "/api/projects/[project]/eval-runs";

export const GET = apiRoute({ route, action: "dataset.view", query: listEvalRunsSchema }, async ({ access, query }) =>
  listEvalRuns({ projectId: access.project.id, filter: query }),
);
