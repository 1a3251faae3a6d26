import "server-only";

import * as Y from "yjs";

// A document's encoded size, estimated cheaply: measured once (at load or first need), plus the
// length of every update applied since. Updates overstate growth (typing a character costs an
// update of ~20 bytes but adds ~1 to the state), so the estimate only ever runs high; it is
// measured again when it crosses the limit, which keeps measuring rare until a document is near it.
const sizes = new WeakMap<Y.Doc, { bytes: number }>();

function sizeOf(doc: Y.Doc) {
  let size = sizes.get(doc);
  if (!size) {
    const tracked = { bytes: Y.encodeStateAsUpdate(doc).length };
    doc.on("update", (update: Uint8Array) => {
      tracked.bytes += update.length;
    });
    sizes.set(doc, tracked);
    size = tracked;
  }
  return size;
}

/** Starts tracking (call once the document is loaded, so the first message does not pay for it). */
export function trackDocumentSize(doc: Y.Doc): void {
  sizeOf(doc);
}

function isDeletionOnly(update: Uint8Array): boolean {
  try {
    return Y.decodeUpdate(update).structs.length === 0;
  } catch {
    return false;
  }
}

/**
 * Whether applying `update` would make the document's encoded state larger than `limit` bytes.
 * An update that only deletes is always let through, so a document at the limit can shrink.
 */
export function wouldExceedSize(doc: Y.Doc, update: Uint8Array, limit: number): boolean {
  const size = sizeOf(doc);
  if (size.bytes + update.length <= limit || isDeletionOnly(update)) return false;
  const state = Y.encodeStateAsUpdate(doc);
  size.bytes = state.length;
  return Y.mergeUpdates([state, update]).length > limit;
}
