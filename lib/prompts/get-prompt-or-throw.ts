import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertPromptWritable } from "@/lib/prompts/assert-prompt-writable";

/**
 * A prompt of a project by id. Tenant scoping is in the where clause: an id from another project
 * is simply "not found". `forWrite`: the caller is about to change it, so an archived prompt is
 * refused with 409 (archived prompts are read-only).
 */
export async function getPromptOrThrow(opts: { projectId: string; promptId: string; tx?: Tx; forWrite?: boolean }) {
  const prompt = await (opts.tx ?? db).prompt.findFirst({ where: { id: opts.promptId, projectId: opts.projectId } });
  if (!prompt) throw new AppError({ code: "not_found", message: "No such prompt in this project." });
  if (opts.forWrite) assertPromptWritable({ prompt });
  return prompt;
}
