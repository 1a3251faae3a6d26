import "server-only";

import { ensureLiveDocument } from "@/lib/collab/storage/ensure-live-document";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { parseStoredContent } from "@/lib/prompts/parse-stored-content";
import type { PromptContent } from "@/lib/templates/prompt-content";

/**
 * A person's private draft from before live editing, which did not become the shared working copy
 * (it started from an older version, or someone else's was newer): theirs to bring into the copy
 * or discard. 404 when there is none.
 */
export async function getEarlierDraft(opts: {
  projectId: string;
  promptId: string;
  userId: string;
}): Promise<{ baseVersion: number; savedAt: string; content: PromptContent }> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  // Creating the working copy first: the newest draft seeds it and is no longer an earlier draft.
  await ensureLiveDocument({ promptId: prompt.id });
  const draft = await db.promptDraft.findUnique({
    where: { promptId_userId: { promptId: prompt.id, userId: opts.userId } },
  });
  if (!draft) throw new AppError({ code: "not_found", message: "You have no earlier draft of this prompt." });
  return {
    baseVersion: draft.baseVersion,
    savedAt: draft.updatedAt.toISOString(),
    content: parseStoredContent({ stored: draft.content, row: `the draft of prompt ${draft.promptId}` }),
  };
}
