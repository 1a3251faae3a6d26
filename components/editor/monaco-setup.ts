"use client";

import { loader } from "@monaco-editor/react";

// Monaco is served from our own origin (copied to public/monaco by scripts/copy-monaco.mjs),
// never from a CDN.
let configured = false;
export function configureMonaco() {
  if (configured) return;
  configured = true;
  loader.config({ paths: { vs: "/monaco/vs" } });
}
