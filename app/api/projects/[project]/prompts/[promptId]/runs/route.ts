// GET /api/projects/[project]/prompts/[promptId]/runs – stored runs, newest first (?before=<run id>)
// POST /api/projects/[project]/prompts/[promptId]/runs – run a version or the editor's content;
// the answer streams back as NDJSON RunEvents (start, delta…, then done or error)
import { apiRoute } from "@/lib/http/api-route";
import { listRuns } from "@/lib/playground/list-runs";
import { runPrompt } from "@/lib/playground/run-prompt";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { beforeIdQuerySchema } from "@/lib/validations/pagination";
import { runRequestSchema } from "@/lib/validations/run";

const route = "/api/projects/[project]/prompts/[promptId]/runs";

export const GET = apiRoute(
  { route, action: "prompt.view", query: beforeIdQuerySchema },
  async ({ params, access, query }) => {
    await getPromptOrThrow({ projectId: access.project.id, promptId: params.promptId });
    return listRuns({ projectId: access.project.id, promptId: params.promptId, before: query.before });
  },
);

export const POST = apiRoute(
  { route, action: "playground.run", body: runRequestSchema },
  async ({ req, params, access, body }) => {
    const stream = await runPrompt({
      projectId: access.project.id,
      promptId: params.promptId,
      userId: access.actor.id,
      request: body,
      signal: req.signal,
    });
    return new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      },
    });
  },
);
