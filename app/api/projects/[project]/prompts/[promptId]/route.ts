// GET /api/projects/[project]/prompts/[promptId] – the prompt, its latest version and the shared working copy
// PATCH /api/projects/[project]/prompts/[promptId] – rename/move, description, tags, archive/restore
// DELETE /api/projects/[project]/prompts/[promptId] – delete with every version ({ confirmName })
import { getPromptDetail } from "@/lib/collab/storage/get-prompt-detail";
import { updatePromptDetails } from "@/lib/collab/storage/update-prompt-details";
import { apiRoute } from "@/lib/http/api-route";
import { deletePrompt } from "@/lib/prompts/delete-prompt";
import { deletePromptSchema, updatePromptSchema } from "@/lib/validations/prompt";

const route = "/api/projects/[project]/prompts/[promptId]";

export const GET = apiRoute({ route, action: "prompt.view" }, async ({ params, access }) =>
  getPromptDetail({ projectId: access.project.id, promptId: params.promptId, userId: access.actor.id }),
);

export const PATCH = apiRoute(
  { route, action: "prompt.edit", body: updatePromptSchema },
  async ({ params, access, body, ctx }) =>
    updatePromptDetails({ ctx, projectId: access.project.id, promptId: params.promptId, changes: body }),
);

export const DELETE = apiRoute(
  { route, action: "prompt.delete", body: deletePromptSchema },
  async ({ params, access, body, ctx }) => {
    await deletePrompt({ ctx, projectId: access.project.id, promptId: params.promptId, confirmName: body.confirmName });
    return { ok: true };
  },
);
