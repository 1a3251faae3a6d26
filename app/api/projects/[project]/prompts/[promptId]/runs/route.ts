// GET /api/projects/[project]/prompts/[promptId]/runs – stored runs, newest first (?before=<run id>)
// POST /api/projects/[project]/prompts/[promptId]/runs – run a version or the editor's content;
// the answer streams back as NDJSON RunEvents (start, delta…, then done or error)
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { runPrompt } from "@/lib/playground/run-prompt";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { runRequestSchema } from "@/lib/validations/run";
import { listRuns } from "@/lib/playground/list-runs";
import { z } from "zod";
import { parseQuery } from "@/lib/http/api-route";

export const GET = apiRoute<{ project: string; promptId: string }>(async ({ req, params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  const { before } = parseQuery(req, z.object({ before: z.string().max(100).optional() }));
  await getPromptOrThrow({ projectId: project.id, promptId: params.promptId });
  return listRuns({ projectId: project.id, promptId: params.promptId, before });
});

export const POST = apiRoute<{ project: string; promptId: string }>(async ({ req, params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "playground.run" });
  const request = await parseBody(req, runRequestSchema);
  const stream = await runPrompt({ projectId: access.project.id, promptId: params.promptId, userId: access.user.id, request, signal: req.signal });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
});
