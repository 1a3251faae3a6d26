import "server-only";

import * as Y from "yjs";

import { ensureLiveDocument } from "@/lib/collab/storage/ensure-live-document";
import { db } from "@/lib/db";

/**
 * Every acknowledged edit of a prompt's working copy: the compacted state and the update rows not
 * compacted yet, created first if the prompt has none. The rows are read before the state: a
 * compaction in between moves rows into the state, which is then read with them; the other order
 * could miss rows compacted (and deleted) after the old state was read.
 */
export async function readLiveState(opts: {
  promptId: string;
}): Promise<{ updates: Uint8Array[]; editorIds: string[] }> {
  await ensureLiveDocument(opts);
  const rows = await db.promptLiveUpdate.findMany({
    where: { promptId: opts.promptId },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  const stored = await db.promptLiveDocument.findUniqueOrThrow({
    where: { promptId: opts.promptId },
    select: { state: true, editorIds: true },
  });
  return { updates: [stored.state, ...rows.map((r) => r.update)], editorIds: stored.editorIds };
}

/** The working copy as a Y.Doc of this module's yjs (for reading, or for a change to diff against). */
export async function loadLiveDoc(opts: { promptId: string }): Promise<Y.Doc> {
  const { updates } = await readLiveState(opts);
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}
