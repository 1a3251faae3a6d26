import { describe, expect, it } from "vitest";
import * as Y from "yjs";

import { trackDocumentSize, wouldExceedSize } from "@/lib/collab/server/document-size";

/** The update one edit on a copy of `doc` would send, without applying it to `doc`. */
function editOf(doc: Y.Doc, edit: (text: Y.Text) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let update: Uint8Array = new Uint8Array();
  copy.on("update", (u: Uint8Array) => (update = u));
  edit(copy.getText("t"));
  return update;
}

const insert = (doc: Y.Doc, text: string) => editOf(doc, (t) => t.insert(0, text));

describe("document size limit", () => {
  it("lets a document grow to the limit and refuses the update that passes it", () => {
    const doc = new Y.Doc();
    trackDocumentSize(doc);
    const fits = insert(doc, "a".repeat(9_000));
    expect(wouldExceedSize(doc, fits, 10_000)).toBe(false);
    Y.applyUpdate(doc, fits);
    expect(wouldExceedSize(doc, insert(doc, "b".repeat(2_000)), 10_000)).toBe(true);
    expect(wouldExceedSize(doc, insert(doc, "b".repeat(500)), 10_000)).toBe(false);
  });

  it("measures again when many small updates make the estimate overshoot", () => {
    const doc = new Y.Doc();
    trackDocumentSize(doc);
    // One person typing 600 characters: ~10 KB of updates, a state of well under 1 KB.
    const author = new Y.Doc();
    author.on("update", (update: Uint8Array) => Y.applyUpdate(doc, update));
    for (let i = 0; i < 600; i++) author.getText("t").insert(i, "x");
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThan(1_000);
    expect(wouldExceedSize(doc, insert(doc, "y"), 2_000)).toBe(false);
  });

  it("always lets a document at its limit shrink", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, insert(doc, "a".repeat(5_000)));
    const size = Y.encodeStateAsUpdate(doc).length;
    trackDocumentSize(doc);
    const removal = editOf(doc, (t) => t.delete(10, 20));
    // At exactly its size, merging even a deletion in would measure over the limit.
    expect(Y.mergeUpdates([Y.encodeStateAsUpdate(doc), removal]).length).toBeGreaterThan(size);
    expect(wouldExceedSize(doc, removal, size)).toBe(false);
    expect(wouldExceedSize(doc, insert(doc, "z"), size)).toBe(true);
  });
});
