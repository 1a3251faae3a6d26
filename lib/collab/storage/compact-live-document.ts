import "server-only";

import crypto from "node:crypto";
import * as Y from "yjs";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { invalidateServing } from "@/lib/cache/serving-cache";
import { docParts } from "@/lib/collab/prompt-doc";
import { db, type Tx } from "@/lib/db";
import { notifyServingChange } from "@/lib/db/notify-serving-change";
import { log } from "@/lib/log";
import { updatePromptSchema } from "@/lib/validations/prompt";

/**
 * Merges a prompt's stored update rows into its working copy's state, in one transaction that
 * locks the row: writes the state, deletes exactly the rows merged (rows committed meanwhile wait
 * for the next compaction) and adds their authors to `editorIds`. Reads only the database, never
 * an in-memory document: another instance may hold edits this one has not applied yet, while
 * every acknowledged edit is a row. A description the merged edits changed is written through to
 * the prompt (audited as the last editor's prompt.update), unless the prompt is archived or the
 * text breaks the description's rules (then the working copy keeps it and the prompt does not).
 * Returns the state and editors after compaction; null when the prompt has no working copy.
 */
export async function compactLiveDocument(opts: {
  promptId: string;
  /** Runs inside the same transaction, after the merge (saving a version reads what it merged). */
  then?: (merged: { tx: Tx; state: Uint8Array; editorIds: string[] }) => Promise<void>;
}): Promise<{ state: Uint8Array; editorIds: string[] } | null> {
  let servedChange: string | null = null;
  const result = await db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<Array<{ promptId: string }>>`
        SELECT "promptId" FROM "PromptLiveDocument" WHERE "promptId" = ${opts.promptId} FOR UPDATE`;
      if (!locked.length) return null;
      const stored = await tx.promptLiveDocument.findUniqueOrThrow({ where: { promptId: opts.promptId } });
      const rows = await tx.promptLiveUpdate.findMany({ where: { promptId: opts.promptId }, orderBy: { id: "asc" } });
      let state: Uint8Array = stored.state;
      let editorIds = stored.editorIds;
      if (rows.length) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, stored.state);
        const before = docParts(doc).description.toString();
        doc.transact(() => rows.forEach((r) => Y.applyUpdate(doc, r.update)));
        const after = docParts(doc).description.toString();
        // Re-encoding (rather than Y.mergeUpdates) lets deleted text be garbage-collected.
        state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        editorIds = [...new Set([...editorIds, ...rows.flatMap((r) => (r.userId ? [r.userId] : []))])];
        await tx.promptLiveDocument.update({
          where: { promptId: opts.promptId },
          data: { state: state as Uint8Array<ArrayBuffer>, editorIds },
        });
        await tx.promptLiveUpdate.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
        const lastEditor = rows.findLast((r) => r.userId)?.userId ?? null;
        if (after !== before)
          servedChange = await writeDescription({ tx, promptId: opts.promptId, description: after, lastEditor });
      }
      await opts.then?.({ tx, state, editorIds });
      return { state, editorIds };
    },
    { timeout: 30_000 },
  );
  // The description is part of what applications are served.
  if (servedChange) invalidateServing({ kind: "prompts", projectId: servedChange });
  return result;
}

/** Returns the project whose served answers changed, if the description was written. */
async function writeDescription(opts: {
  tx: Tx;
  promptId: string;
  description: string;
  lastEditor: string | null;
}): Promise<string | null> {
  const prompt = await opts.tx.prompt.findUniqueOrThrow({ where: { id: opts.promptId } });
  const parsed = updatePromptSchema.shape.description.safeParse(opts.description);
  if (prompt.archivedAt || (parsed.success && parsed.data === prompt.description)) return null;
  if (!parsed.success || parsed.data === undefined) {
    log.warn("the working copy's description breaks the description rules; the prompt keeps its own", {
      promptId: opts.promptId,
      length: opts.description.length,
    });
    return null;
  }
  const actor = opts.lastEditor
    ? await opts.tx.user.findUnique({ where: { id: opts.lastEditor }, select: { id: true, email: true } })
    : null;
  await opts.tx.prompt.update({ where: { id: prompt.id }, data: { description: parsed.data } });
  await writeAuditEntry({
    tx: opts.tx,
    ctx: { actor: actor ? { userId: actor.id, email: actor.email } : null, requestId: `live-${crypto.randomUUID()}` },
    projectId: prompt.projectId,
    action: "prompt.update",
    target: { type: "prompt", id: prompt.id },
    before: { description: prompt.description },
    after: { description: parsed.data },
  });
  await notifyServingChange({ tx: opts.tx, kind: "prompts", projectId: prompt.projectId });
  return prompt.projectId;
}
