// GET /api/projects/[project]/eval-runs – eval runs, newest first, filtered by prompt and status
// POST /api/projects/[project]/eval-runs – start one: a prompt's version or draft over a dataset, or { reviewNumber }
import { listEvalRuns } from "@/lib/eval-results/list-eval-runs";
import { startEvalRun } from "@/lib/eval-runs/start-eval-run";
import { startReviewEvalRun } from "@/lib/eval-runs/start-review-eval-run";
import { apiRoute } from "@/lib/http/api-route";
import { listEvalRunsSchema } from "@/lib/validations/eval-results";
import { evalRunRequestSchema } from "@/lib/validations/eval-run";

const route = "/api/projects/[project]/eval-runs";

export const GET = apiRoute({ route, action: "dataset.view", query: listEvalRunsSchema }, async ({ access, query }) =>
  listEvalRuns({ projectId: access.project.id, filter: query }),
);

export const POST = apiRoute(
  { route, action: "eval.run", body: evalRunRequestSchema },
  async ({ access, body, ctx }) => {
    const common = { ctx, projectId: access.project.id, createdById: access.member.user.id };
    const run =
      "reviewNumber" in body
        ? await startReviewEvalRun({ ...common, input: body })
        : await startEvalRun({ ...common, input: body, source: "studio" });
    return { ...run, href: `/p/${access.project.slug}/evals/${run.number}` };
  },
);
