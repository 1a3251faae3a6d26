// GET /api/projects/[project]/eval-runs/compare?a=<number>&b=<number> – two finished runs of one dataset version, row by row
import { compareEvalRuns } from "@/lib/eval-results/compare-eval-runs";
import { apiRoute } from "@/lib/http/api-route";
import { compareEvalRunsSchema } from "@/lib/validations/eval-results";

const route = "/api/projects/[project]/eval-runs/compare";

export const GET = apiRoute(
  { route, action: "dataset.view", query: compareEvalRunsSchema },
  async ({ access, query }) => {
    const { a, b, ...matrix } = query;
    return compareEvalRuns({ projectId: access.project.id, a, b, query: matrix });
  },
);
