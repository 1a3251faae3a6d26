// GET /api/projects/[project]/prompts – prompts, last changed first (q, folder, tag, archived, cursor)
// POST /api/projects/[project]/prompts – create a prompt (no version until its first save)
import { apiRoute, parseBody, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { createPromptSchema, listPromptsQuerySchema } from "@/lib/validations/prompt";

type Params = { project: string };

export const GET = apiRoute<Params>(async ({ req, params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  return listPrompts({ projectId: project.id, query: parseQuery(req, listPromptsQuerySchema) });
});

export const POST = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.edit" });
  const input = await parseBody(req, createPromptSchema);
  const prompt = await createPrompt({ ctx, projectId: project.id, input });
  return { id: prompt.id, name: prompt.name, type: prompt.type };
});
