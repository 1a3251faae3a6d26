import "server-only";

import type { z } from "zod";

import { versionsByEnvironment } from "@/lib/environments/list-environments";
import { listPrompts } from "@/lib/prompts/list-prompts";
import type { listServedPromptsQuerySchema } from "@/lib/validations/serving";

/** GET /api/prompts: the project's (unarchived) prompts, last changed first, with what each environment runs. */
export async function listServedPrompts(opts: {
  projectId: string;
  query: z.infer<typeof listServedPromptsQuerySchema>;
}) {
  const { prompts, nextCursor } = await listPrompts({
    projectId: opts.projectId,
    query: {
      folder: opts.query.folder,
      tag: opts.query.tag,
      env: opts.query.environment,
      cursor: opts.query.cursor,
      limit: opts.query.limit,
    },
  });
  const running = await versionsByEnvironment({ projectId: opts.projectId, promptIds: prompts.map((p) => p.id) });
  return {
    prompts: prompts.map((p) => ({
      name: p.name,
      type: p.type === "CHAT" ? "chat" : "text",
      latestVersion: p.latestVersion,
      environments: running.get(p.id) ?? {},
      tags: p.tags,
      updatedAt: p.updatedAt,
    })),
    nextCursor,
  };
}
