import { db } from "@/lib/db";

/**
 * A prompt by its current name, or, if it was renamed, by a former name (then `movedTo` says the
 * current one, for a redirect).
 */
export async function findPromptByName(opts: { projectId: string; name: string }) {
  const prompt = await db.prompt.findUnique({
    where: { projectId_name: { projectId: opts.projectId, name: opts.name } },
  });
  if (prompt) return { prompt, movedTo: null };
  const former = await db.promptFormerName.findUnique({
    where: { projectId_name: { projectId: opts.projectId, name: opts.name } },
    include: { prompt: true },
  });
  return former ? { prompt: former.prompt, movedTo: former.prompt.name } : null;
}
