// GET /api/public/v2/prompts – Langfuse's "list prompts": names, versions and labels, a page at a time (prompts:read)
// POST /api/public/v2/prompts – Langfuse's "create prompt": a new version, labels deploy to unprotected environments (prompts:write)
// GET /api/public/v2/prompts/{name} never reaches Next.js: the custom server answers it on the hot
// path (lib/serving/handle-prompt-request.ts), as it does GET /api/prompts/{name}.
import { NextResponse } from "next/server";

import { apiRoute } from "@/lib/http/api-route";
import { createLangfusePrompt } from "@/lib/langfuse/create-langfuse-prompt";
import { listLangfusePrompts } from "@/lib/langfuse/list-langfuse-prompts";
import { createLangfusePromptSchema, listLangfusePromptsQuerySchema } from "@/lib/validations/langfuse";

const route = "/api/public/v2/prompts";

export const GET = apiRoute(
  { route, auth: "api-key", action: "prompt.view", query: listLangfusePromptsQuerySchema, errors: "langfuse" },
  async ({ access, query }) => listLangfusePrompts({ projectId: access.project.id, query }),
);

export const POST = apiRoute(
  { route, auth: "api-key", action: "prompt.edit", body: createLangfusePromptSchema, errors: "langfuse" },
  async ({ access, body, ctx }) =>
    NextResponse.json(await createLangfusePrompt({ ctx, access, input: body }), { status: 201 }),
);
