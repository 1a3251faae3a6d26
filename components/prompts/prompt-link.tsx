"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import type { ComponentProps } from "react";

// The preloader (and the editor loader it pulls in) is fetched on first use, not with the list page.
const preload = () => void import("@/components/editor/preload-editor").then((m) => m.preloadEditor());

/** A link to a prompt: pointing at it, touching it or tabbing to it starts fetching the editor it opens. */
export function PromptLink(props: ComponentProps<typeof Link>) {
  return (
    <Link
      {...props}
      onMouseEnter={(e) => {
        preload();
        props.onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        preload();
        props.onFocus?.(e);
      }}
      onTouchStart={(e) => {
        preload();
        props.onTouchStart?.(e);
      }}
    />
  );
}

/** Rendered by a page that leads to prompts: fetches the editor once the browser is idle. */
export const PreloadEditorWhenIdle = dynamic(() => import("@/components/prompts/preload-editor-when-idle"), {
  ssr: false,
});
