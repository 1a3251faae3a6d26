"use client";

import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";

import { readLiveMessages, type LiveMessage } from "@/components/collab/live-messages";
import { readLastSave, readWorkingCopy, type LastSave, type WorkingCopy } from "@/lib/collab/prompt-doc";

type Snapshot = { copy: WorkingCopy; messages: LiveMessage[]; lastSave: LastSave | null };

const read = (doc: Y.Doc): Snapshot => ({
  copy: readWorkingCopy(doc),
  messages: readLiveMessages(doc),
  lastSave: readLastSave(doc),
});

/**
 * The working copy in React state, read again after every change to the document, whoever made
 * it. A change made here (a field typed in) is read in the same event, so a controlled input
 * never shows a stale value; `onLastSave` hears of a version saved from the copy by anyone.
 */
export function useWorkingCopy(doc: Y.Doc, onLastSave: (save: LastSave) => void) {
  const [snapshot, setSnapshot] = useState(() => read(doc));
  const lastSaveRef = useRef(snapshot.lastSave);
  const onLastSaveRef = useRef(onLastSave);
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
    update();
    doc.on("update", update);
    return () => doc.off("update", update);
  }, [doc]);
  return snapshot;
}
