"use client";

import { loader } from "@monaco-editor/react";

import { MONACO_VERSION } from "@/components/editor/monaco-version";

// Monaco is served from our own origin (copied to public/monaco/<version> by
// scripts/copy-monaco.mjs), never from a CDN; the versioned path lets browsers cache it for good.
let configured = false;
export function configureMonaco() {
  if (configured) return;
  configured = true;
  loader.config({ paths: { vs: `/monaco/${MONACO_VERSION}/vs` } });
}
