"use client";

import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

import { useDarkMode } from "@/components/ui/use-dark-mode";

// Sonner's own palette, pointed at the studio's colour variables so toasts match either theme.
const palette = {
  "--normal-bg": "var(--surface)",
  "--normal-border": "var(--line)",
  "--normal-text": "var(--ink)",
  "--success-bg": "var(--surface)",
  "--success-border": "color-mix(in srgb, var(--success) 40%, var(--line))",
  "--success-text": "var(--success)",
  "--error-bg": "var(--surface)",
  "--error-border": "color-mix(in srgb, var(--danger) 40%, var(--line))",
  "--error-text": "var(--danger)",
} as CSSProperties;

/**
 * The one place toasts appear (in the root layout, so a toast outlives the client navigation its
 * action started). Toasts confirm what was done; problems tied to a field stay beside the field.
 * Six seconds: long enough to read a sentence on a busy screen, short enough not to pile up.
 */
export function Toaster() {
  const dark = useDarkMode();
  return (
    <Sonner
      theme={dark ? "dark" : "light"}
      dir="ltr"
      position="bottom-right"
      richColors
      closeButton
      duration={6000}
      style={palette}
    />
  );
}
