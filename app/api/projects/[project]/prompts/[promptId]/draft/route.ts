// PUT /api/projects/[project]/prompts/[promptId]/draft – autosave your working copy
// DELETE /api/projects/[project]/prompts/[promptId]/draft – discard it
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { discardDraft } from "@/lib/prompts/discard-draft";
import { saveDraft } from "@/lib/prompts/save-draft";
import { saveDraftSchema } from "@/lib/validations/prompt";

type Params = { project: string; promptId: string };

export const PUT = apiRoute<Params>(async ({ req, params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.edit" });
  const { baseVersion, content } = await parseBody(req, saveDraftSchema);
  return saveDraft({ projectId: access.project.id, promptId: params.promptId, userId: access.user.id, baseVersion, content });
});

export const DELETE = apiRoute<Params>(async ({ params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.edit" });
  await discardDraft({ projectId: access.project.id, promptId: params.promptId, userId: access.user.id });
  return { ok: true };
});
