"use client";

import { DiffEditor } from "@monaco-editor/react";
import { useState, useSyncExternalStore } from "react";

import { preloadMonacoFiles } from "@/components/editor/monaco-files";
import { preloadEditor } from "@/components/editor/preload-editor";
import { editorTheme, registerTemplateLanguage, TEMPLATE_LANGUAGE } from "@/components/editor/template-language";
import { useDiffEditorLifecycle } from "@/components/editor/use-diff-editor-lifecycle";
import { useDarkMode } from "@/components/ui/use-dark-mode";

preloadEditor();

/**
 * What every read-only diff in the studio shares: the template language, theme, and options. The
 * labels name each side's text box for screen readers (axe: aria-input-field-name).
 */
export function diffEditorProps(dark: boolean, inline: boolean, labels: { original: string; modified: string }) {
  // Every diff view renders through here, so its Monaco files are hinted in the page's <head>.
  preloadMonacoFiles();
  return {
    language: TEMPLATE_LANGUAGE,
    theme: editorTheme(dark),
    beforeMount: registerTemplateLanguage,
    loading: <div className="p-3 text-muted">Loading diff…</div>,
    // Both sides wrap alike (diffWordWrap), and the view stays side by side when the user chose it
    // rather than switching to inline on narrow screens, where deleted lines would not wrap.
    options: {
      readOnly: true,
      renderSideBySide: !inline,
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      wordWrap: "on" as const,
      diffWordWrap: "on" as const,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      fontSize: 13,
      originalEditable: false,
      originalAriaLabel: `Before: ${labels.original}`,
      modifiedAriaLabel: `After: ${labels.modified}`,
    },
  };
}

const NARROW = "(max-width: 767px)";
const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * Side by side or inline: inline by default on a phone-sized screen (two columns of 180 px do not
 * read), side by side elsewhere; once the person ticks the switch, their choice holds.
 */
export function useDiffLayout() {
  const narrow = useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  const [choice, setChoice] = useState<boolean | null>(null);
  return { inline: choice ?? narrow, setInline: setChoice };
}

/** What the two sides are, and the side-by-side / inline switch. */
export function DiffHeader({
  label,
  inline,
  onInline,
}: {
  label: string;
  inline: boolean;
  onInline: (inline: boolean) => void;
}) {
  return (
    <div className="flex items-center justify-between text-xs text-muted">
      <span>{label}</span>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={inline} onChange={(e) => onInline(e.target.checked)} /> Inline
      </label>
    </div>
  );
}

/** Monaco's diff editor, side by side or inline, read-only; as tall as its content up to `height`, then it scrolls. */
export function TextDiff({
  original,
  modified,
  originalLabel,
  modifiedLabel,
  height: maxHeight = 480,
}: {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  height?: number;
}) {
  const dark = useDarkMode();
  const { inline, setInline } = useDiffLayout();
  const { height, track, keepModels } = useDiffEditorLifecycle({ minHeight: 120, maxHeight });
  return (
    <div className="space-y-2">
      <DiffHeader label={`${originalLabel} → ${modifiedLabel}`} inline={inline} onInline={setInline} />
      <div className="overflow-hidden rounded-md border border-line" style={{ height }} data-testid="text-diff">
        <DiffEditor
          onMount={(editor) => {
            track(editor);
            // Marks for bench/diff-browser.ts: from models set to the diff computed and drawn.
            performance.mark("galley:diff-start");
            const done = editor.onDidUpdateDiff(() => {
              requestAnimationFrame(() => performance.mark("galley:diff-ready"));
              done.dispose();
            });
          }}
          original={original}
          modified={modified}
          {...keepModels}
          {...diffEditorProps(dark, inline, { original: originalLabel, modified: modifiedLabel })}
        />
      </div>
    </div>
  );
}
