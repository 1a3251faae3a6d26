// GET /api/projects/[project]/prompts/[promptId]/draft – your private draft from before live editing (404 if none)
// DELETE /api/projects/[project]/prompts/[promptId]/draft – discard it
import { getEarlierDraft } from "@/lib/collab/storage/get-earlier-draft";
import { apiRoute } from "@/lib/http/api-route";
import { discardDraft } from "@/lib/prompts/discard-draft";

const route = "/api/projects/[project]/prompts/[promptId]/draft";

export const GET = apiRoute({ route, action: "prompt.view" }, async ({ params, access }) =>
  getEarlierDraft({ projectId: access.project.id, promptId: params.promptId, userId: access.actor.id }),
);

export const DELETE = apiRoute({ route, action: "prompt.edit" }, async ({ params, access }) => {
  await discardDraft({ projectId: access.project.id, promptId: params.promptId, userId: access.actor.id });
  return { ok: true };
});
