// PUT /api/projects/[project]/prompts/[promptId]/draft – autosave your working copy
// DELETE /api/projects/[project]/prompts/[promptId]/draft – discard it
import { apiRoute } from "@/lib/http/api-route";
import { discardDraft } from "@/lib/prompts/discard-draft";
import { saveDraft } from "@/lib/prompts/save-draft";
import { saveDraftSchema } from "@/lib/validations/prompt";

const route = "/api/projects/[project]/prompts/[promptId]/draft";

export const PUT = apiRoute({ route, action: "prompt.edit", body: saveDraftSchema }, async ({ params, access, body }) =>
  saveDraft({
    projectId: access.project.id,
    promptId: params.promptId,
    userId: access.actor.id,
    baseVersion: body.baseVersion,
    content: body.content,
  }),
);

export const DELETE = apiRoute({ route, action: "prompt.edit" }, async ({ params, access }) => {
  await discardDraft({ projectId: access.project.id, promptId: params.promptId, userId: access.actor.id });
  return { ok: true };
});
