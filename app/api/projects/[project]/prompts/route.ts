// GET /api/projects/[project]/prompts – prompts, last changed first (q, folder, tag, archived, cursor)
// POST /api/projects/[project]/prompts – create a prompt (no version until its first save)
import { apiRoute } from "@/lib/http/api-route";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { listPrompts } from "@/lib/prompts/list-prompts";
import { createPromptSchema, listPromptsQuerySchema } from "@/lib/validations/prompt";

const route = "/api/projects/[project]/prompts";

export const GET = apiRoute(
  { route, action: "prompt.view", query: listPromptsQuerySchema },
  async ({ access, query }) => listPrompts({ projectId: access.project.id, query }),
);

export const POST = apiRoute(
  { route, action: "prompt.edit", body: createPromptSchema },
  async ({ access, body, ctx }) => {
    const prompt = await createPrompt({ ctx, projectId: access.project.id, input: body });
    return { id: prompt.id, name: prompt.name, type: prompt.type };
  },
);
