"use client";

import { loader } from "@monaco-editor/react";
import { useEffect } from "react";

import { configureMonaco } from "@/components/editor/monaco-setup";

let started = false;

/**
 * Starts fetching the editor's code before it is needed (hovering a link to a prompt, or idle time
 * on a page that leads to one), so opening a prompt does not wait for it. Safe to call often.
 */
export function preloadEditor() {
  if (started || typeof window === "undefined") return;
  started = true;
  configureMonaco();
  void loader.init().catch(() => {
    // A failed preload is retried by the editor itself when it mounts.
    started = false;
  });
}

/** Preloads the editor once the browser is idle after the calling page has rendered. */
export function usePreloadEditorWhenIdle() {
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(preloadEditor, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(preloadEditor, 1500);
    return () => window.clearTimeout(id);
  }, []);
}
