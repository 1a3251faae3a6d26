"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type * as Y from "yjs";

import { readLiveMessages, type LiveMessage } from "@/components/collab/live-messages";
import { readLastSave, readWorkingCopy, type LastSave, type WorkingCopy } from "@/lib/collab/prompt-doc";

type Snapshot = { copy: WorkingCopy; messages: LiveMessage[]; lastSave: LastSave | null };

const read = (doc: Y.Doc): Snapshot => ({
  copy: readWorkingCopy(doc),
  messages: readLiveMessages(doc),
  lastSave: readLastSave(doc),
});

// Typing in Monaco (and others' edits) re-reads the copy at most this often: Monaco shows the
// text itself, and reading means parsing the whole template for its variables (a 200 KB prompt
// took 64 ms a keystroke when read on every one; see the report of issue 14).
const READ_EVERY_MS = 120;

/**
 * The working copy in React state, read again after every change to the document, whoever made
 * it. A change made by a form field here (origin null, or a field's own symbol) is read in the
 * same event, so a controlled input never shows a stale value; edits from Monaco, undo and other
 * people are read together a moment later. `onLastSave` hears of a version saved by anyone.
 */
export function useWorkingCopy(doc: Y.Doc, onLastSave: (save: LastSave) => void) {
  const [snapshot, setSnapshot] = useState(() => read(doc));
  const lastSaveRef = useRef(snapshot.lastSave);
  const onLastSaveRef = useRef(onLastSave);
  const flushRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    onLastSaveRef.current = onLastSave;
  });
  useEffect(() => {
    const update = () => {
      const next = read(doc);
      setSnapshot(next);
      const before = lastSaveRef.current;
      lastSaveRef.current = next.lastSave;
      if (next.lastSave && (!before || before.version !== next.lastSave.version || before.at !== next.lastSave.at)) {
        onLastSaveRef.current(next.lastSave);
      }
    };
    let timer: number | undefined;
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === null || typeof origin === "symbol") {
        window.clearTimeout(timer);
        timer = undefined;
        update();
      } else {
        timer ??= window.setTimeout(() => {
          timer = undefined;
          update();
        }, READ_EVERY_MS);
      }
    };
    flushRef.current = () => {
      if (timer === undefined) return;
      window.clearTimeout(timer);
      timer = undefined;
      update();
    };
    update();
    doc.on("update", onUpdate);
    return () => {
      window.clearTimeout(timer);
      doc.off("update", onUpdate);
      flushRef.current = () => undefined;
    };
  }, [doc]);
  /** Reads a change that is waiting now (before running the playground on it, say). */
  const flush = useCallback(() => flushRef.current(), []);
  return { ...snapshot, flush };
}
