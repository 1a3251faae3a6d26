import "server-only";

import { encodeWorkingCopy } from "@/lib/collab/prompt-doc";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { parseStoredContent } from "@/lib/prompts/parse-stored-content";
import { contentOf } from "@/lib/prompts/version-view";
import type { PromptContent } from "@/lib/templates/prompt-content";

/** What a prompt with no version yet starts from. */
const emptyContent = (type: "TEXT" | "CHAT"): PromptContent =>
  type === "TEXT"
    ? { template: "", contract: { variables: [] }, modelConfig: {} }
    : {
        messages: [
          { role: "system", content: "" },
          { role: "user", content: "" },
        ],
        contract: { variables: [] },
        modelConfig: {},
      };

/**
 * Creates a prompt's shared working copy the first time anyone needs it. It starts from the most
 * recently updated private draft made on top of the latest version (that draft is deleted, its
 * owner counted as an editor: their work is now the shared copy), else from the latest version,
 * else empty. Other drafts stay, for their owners to bring in or discard. Two instances may race
 * here: the insert does nothing when a copy exists, so both then read the one that was stored,
 * never two different seeds (whose texts would both end up in the document).
 */
export async function ensureLiveDocument(opts: { promptId: string }): Promise<void> {
  const exists = await db.promptLiveDocument.findUnique({
    where: { promptId: opts.promptId },
    select: { promptId: true },
  });
  if (exists) return;
  const prompt = await db.prompt.findUniqueOrThrow({ where: { id: opts.promptId } });
  const [draft, latest] = await Promise.all([
    db.promptDraft.findFirst({
      where: { promptId: prompt.id, baseVersion: prompt.latestVersion },
      orderBy: { updatedAt: "desc" },
    }),
    prompt.latestVersion
      ? db.promptVersion.findUnique({
          where: { promptId_number: { promptId: prompt.id, number: prompt.latestVersion } },
        })
      : null,
  ]);
  let draftContent: PromptContent | null = null;
  if (draft) {
    try {
      draftContent = parseStoredContent({ stored: draft.content, row: `the draft of prompt ${draft.promptId}` });
    } catch {
      // Unreadable (logged by parseStoredContent): it stays where it is and the version seeds instead.
      log.warn("a private draft could not seed the shared working copy", { draft: draft.id });
    }
  }
  const state = encodeWorkingCopy({
    type: prompt.type,
    baseVersion: prompt.latestVersion,
    content: draftContent ?? (latest ? contentOf(latest) : emptyContent(prompt.type)),
    description: prompt.description,
  });
  await db.$transaction(async (tx) => {
    const created = await tx.promptLiveDocument.createMany({
      data: [
        {
          promptId: prompt.id,
          state: state as Uint8Array<ArrayBuffer>,
          editorIds: draftContent && draft ? [draft.userId] : [],
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 1 && draftContent && draft) await tx.promptDraft.delete({ where: { id: draft.id } });
  });
}
