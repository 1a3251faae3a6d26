import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A prompt of a project by id. Tenant scoping is in the where clause: an id from another project
 * is simply "not found".
 */
export async function getPromptOrThrow(opts: { projectId: string; promptId: string; tx?: Tx }) {
  const prompt = await (opts.tx ?? db).prompt.findFirst({ where: { id: opts.promptId, projectId: opts.projectId } });
  if (!prompt) throw new AppError({ code: "not_found", message: "No such prompt in this project." });
  return prompt;
}
