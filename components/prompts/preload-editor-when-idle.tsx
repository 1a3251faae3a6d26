"use client";

import { usePreloadEditorWhenIdle } from "@/components/editor/preload-editor";

/** Loaded after the page (see PreloadEditorWhenIdle), so the editor's loader is not in its first-load JS. */
export default function PreloadEditorOnIdle() {
  usePreloadEditorWhenIdle();
  return null;
}
