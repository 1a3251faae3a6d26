"use client";

import Link from "next/link";
import type { ComponentProps } from "react";

import { preloadEditor, usePreloadEditorWhenIdle } from "@/components/editor/preload-editor";

/** A link to a prompt: pointing at it or tabbing to it starts fetching the editor it opens. */
export function PromptLink(props: ComponentProps<typeof Link>) {
  return (
    <Link
      {...props}
      onMouseEnter={(e) => {
        preloadEditor();
        props.onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        preloadEditor();
        props.onFocus?.(e);
      }}
      onTouchStart={(e) => {
        preloadEditor();
        props.onTouchStart?.(e);
      }}
    />
  );
}

/** Rendered by a page that leads to prompts: fetches the editor once the browser is idle. */
export function PreloadEditorWhenIdle() {
  usePreloadEditorWhenIdle();
  return null;
}
