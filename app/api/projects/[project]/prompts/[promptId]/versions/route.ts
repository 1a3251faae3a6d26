// GET /api/projects/[project]/prompts/[promptId]/versions – history, newest first (?before=N)
// POST /api/projects/[project]/prompts/[promptId]/versions – save the next version (409 if a newer one exists)
import { z } from "zod";
import { MAX_INT4 } from "@/lib/validations/int4";
import { apiRoute, parseBody, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listVersions } from "@/lib/prompts/list-versions";
import { saveVersion } from "@/lib/prompts/save-version";
import { saveVersionSchema } from "@/lib/validations/prompt";

type Params = { project: string; promptId: string };

export const GET = apiRoute<Params>(async ({ req, params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  const query = parseQuery(req, z.object({ before: z.coerce.number().int().min(1).max(MAX_INT4).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }));
  return listVersions({ projectId: project.id, promptId: params.promptId, ...query });
});

export const POST = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.edit" });
  const input = await parseBody(req, saveVersionSchema);
  return saveVersion({ ctx, projectId: access.project.id, promptId: params.promptId, authorId: access.user.id, ...input });
});
