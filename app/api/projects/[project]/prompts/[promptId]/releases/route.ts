// GET /api/projects/[project]/prompts/[promptId]/releases – what each environment runs (a version or
// an active split with its steps, reviews waiting) and ended releases, newest first (?before=<release id>)
import { apiRoute } from "@/lib/http/api-route";
import { getReleasesOverview } from "@/lib/releases/get-releases-overview";
import { beforeIdQuerySchema } from "@/lib/validations/pagination";

export const GET = apiRoute(
  { route: "/api/projects/[project]/prompts/[promptId]/releases", action: "prompt.view", query: beforeIdQuerySchema },
  async ({ params, access, query }) =>
    getReleasesOverview({ projectId: access.project.id, promptId: params.promptId, before: query.before }),
);
