import "server-only";

import { docParts } from "@/lib/collab/prompt-doc";
import { changeLiveDocument } from "@/lib/collab/storage/change-live-document";
import { db } from "@/lib/db";
import { updatePrompt } from "@/lib/prompts/update-prompt";

/**
 * updatePrompt (PATCH), keeping the shared working copy's description in step: the editor shows
 * the copy's, and someone's next edit of it there would otherwise bring the old text back.
 */
export async function updatePromptDetails(opts: Parameters<typeof updatePrompt>[0]) {
  const updated = await updatePrompt(opts);
  const description = opts.changes.description;
  if (description !== undefined) {
    const live = await db.promptLiveDocument.findUnique({
      where: { promptId: updated.id },
      select: { promptId: true },
    });
    if (live) {
      await changeLiveDocument({
        promptId: updated.id,
        userId: null,
        change: (doc) => {
          const text = docParts(doc).description;
          if (text.toString() === updated.description) return;
          doc.transact(() => {
            text.delete(0, text.length);
            text.insert(0, updated.description);
          });
        },
      });
    }
  }
  return updated;
}
