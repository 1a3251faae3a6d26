// GET /api/projects/[project]/prompts/[promptId]/versions – history, newest first (?before=N)
// POST /api/projects/[project]/prompts/[promptId]/versions – save the next version (409 if a newer one exists)
import { apiRoute } from "@/lib/http/api-route";
import { listVersions } from "@/lib/prompts/list-versions";
import { saveVersion } from "@/lib/prompts/save-version";
import { listVersionsQuerySchema, saveVersionSchema } from "@/lib/validations/prompt";

const route = "/api/projects/[project]/prompts/[promptId]/versions";

export const GET = apiRoute(
  { route, action: "prompt.view", query: listVersionsQuerySchema },
  async ({ params, access, query }) =>
    listVersions({ projectId: access.project.id, promptId: params.promptId, ...query }),
);

export const POST = apiRoute(
  { route, action: "prompt.edit", body: saveVersionSchema },
  async ({ params, access, body, ctx }) =>
    saveVersion({ ctx, projectId: access.project.id, promptId: params.promptId, authorId: access.actor.id, ...body }),
);
