import { db } from "@/lib/db";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";

/** Throws away a person's working copy; the editor then shows the latest version again. */
export async function discardDraft(opts: { projectId: string; promptId: string; userId: string }) {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  await db.promptDraft.deleteMany({ where: { promptId: prompt.id, userId: opts.userId } });
}
