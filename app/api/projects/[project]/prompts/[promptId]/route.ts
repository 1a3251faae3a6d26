// GET /api/projects/[project]/prompts/[promptId] – the prompt, its latest version and your working copy
// PATCH /api/projects/[project]/prompts/[promptId] – rename/move, description, tags, archive/restore
// DELETE /api/projects/[project]/prompts/[promptId] – delete with every version ({ confirmName })
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { getPromptDetail } from "@/lib/prompts/get-prompt-detail";
import { updatePrompt } from "@/lib/prompts/update-prompt";
import { deletePrompt } from "@/lib/prompts/delete-prompt";
import { updatePromptSchema } from "@/lib/validations/prompt";
import { z } from "zod";

type Params = { project: string; promptId: string };

export const GET = apiRoute<Params>(async ({ params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  return getPromptDetail({ projectId: access.project.id, promptId: params.promptId, userId: access.user.id });
});

export const PATCH = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.edit" });
  const changes = await parseBody(req, updatePromptSchema);
  return updatePrompt({ ctx, projectId: project.id, promptId: params.promptId, changes });
});

export const DELETE = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.delete" });
  const { confirmName } = await parseBody(req, z.object({ confirmName: z.string() }));
  await deletePrompt({ ctx, projectId: project.id, promptId: params.promptId, confirmName });
  return { ok: true };
});
