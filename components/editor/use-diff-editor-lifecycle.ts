"use client";

import type { editor } from "monaco-editor";
import { useCallback, useEffect, useRef, useState } from "react";

/** Options for {@link useDiffEditorLifecycle}. */
export type DiffEditorLifecycleOptions = {
  /** Never shorter than this (px), so a one-line prompt does not leave a sliver. */
  minHeight: number;
  /** Never taller than this (px); past it the diff scrolls, all the way to its last line. */
  maxHeight: number;
};

/**
 * What every diff editor in the studio needs from its parent:
 * - a height that fits the content (wrapped lines included), so the last line is never cut off;
 * - models disposed after the diff editor lets go of them. @monaco-editor/react 4.7 disposes the
 *   models before the editor on unmount, and Monaco throws "TextModel got disposed before
 *   DiffEditorWidget model got reset". React runs a parent's unmount cleanup before its child's, so
 *   here the models are detached (setModel(null)) and disposed first, and the library (told to keep
 *   its models) only disposes the editor.
 */
export function useDiffEditorLifecycle({ minHeight, maxHeight }: DiffEditorLifecycleOptions) {
  const diffRef = useRef<editor.IStandaloneDiffEditor | null>(null);
  const [contentHeight, setContentHeight] = useState<number | null>(null);

  useEffect(
    () => () => {
      const diff = diffRef.current;
      diffRef.current = null;
      if (!diff) return;
      const models = diff.getModel();
      diff.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );

  const track = useCallback((diff: editor.IStandaloneDiffEditor) => {
    diffRef.current = diff;
    const sides = [diff.getOriginalEditor(), diff.getModifiedEditor()];
    const measure = () => setContentHeight(Math.max(...sides.map((side) => side.getContentHeight())));
    for (const side of sides) side.onDidContentSizeChange(measure);
    measure();
  }, []);

  // The border of the box (2 px) on top of the editor's own content height.
  const height = Math.min(maxHeight, Math.max(minHeight, (contentHeight ?? minHeight) + 2));
  return { height, track, keepModels: { keepCurrentOriginalModel: true, keepCurrentModifiedModel: true } as const };
}
