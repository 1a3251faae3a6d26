"use client";

import { DiffEditor, type Monaco } from "@monaco-editor/react";
import type { editor } from "monaco-editor";
import { useEffect, useRef } from "react";

import { configureMonaco } from "@/components/editor/monaco-setup";
import { diffEditorProps, DiffHeader, useDiffLayout } from "@/components/editor/text-diff";
import { useDiffEditorLifecycle } from "@/components/editor/use-diff-editor-lifecycle";
import { useDarkMode } from "@/components/ui/use-dark-mode";

configureMonaco();

type Props = {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  /** Lines of the modified side that have comment threads (open ones and resolved ones). */
  commentedLines: Array<{ line: number; resolved: boolean }>;
  selectedLine: number | null;
  /** Clicking a line number or the gutter of the modified side picks that line for a comment. */
  onSelectLine: ((line: number) => void) | null;
};

/** The review's side-by-side diff, with comment markers in the gutter of the version's side. */
export function ReviewDiff(props: Props) {
  const dark = useDarkMode();
  const { inline, setInline } = useDiffLayout();
  const modifiedRef = useRef<editor.ICodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const decorations = useRef<editor.IEditorDecorationsCollection | null>(null);
  const onSelect = useRef(props.onSelectLine);
  useEffect(() => {
    onSelect.current = props.onSelectLine;
  }, [props.onSelectLine]);

  const paint = () => {
    const modified = modifiedRef.current;
    const monaco = monacoRef.current;
    if (!modified || !monaco) return;
    const lines = new Map<number, boolean>();
    for (const c of props.commentedLines) lines.set(c.line, (lines.get(c.line) ?? true) && c.resolved);
    const items: editor.IModelDeltaDecoration[] = [...lines].map(([line, resolved]) => ({
      range: new monaco.Range(line, 1, line, 1),
      options: {
        glyphMarginClassName: resolved ? "galley-comment-glyph galley-comment-glyph-resolved" : "galley-comment-glyph",
        glyphMarginHoverMessage: { value: resolved ? "Resolved comments" : "Comments" },
      },
    }));
    if (props.selectedLine)
      items.push({
        range: new monaco.Range(props.selectedLine, 1, props.selectedLine, 1),
        options: { isWholeLine: true, className: "galley-selected-line" },
      });
    decorations.current?.clear();
    decorations.current = modified.createDecorationsCollection(items);
  };
  useEffect(paint);
  // As tall as the content (wrapped lines included), at least 8 lines, then it scrolls.
  const { height, track, keepModels } = useDiffEditorLifecycle({ minHeight: 8 * 19, maxHeight: 40 * 19 });

  return (
    <div className="space-y-2">
      <DiffHeader
        label={`${props.originalLabel} → ${props.modifiedLabel}${props.onSelectLine ? " · click a line number on the right to comment on that line" : ""}`}
        inline={inline}
        onInline={setInline}
      />
      <div className="overflow-hidden rounded-md border border-line" style={{ height }} data-testid="review-diff">
        <DiffEditor
          onMount={(diff, monaco) => {
            track(diff);
            const modified = diff.getModifiedEditor();
            modifiedRef.current = modified;
            monacoRef.current = monaco;
            modified.updateOptions({ glyphMargin: true });
            modified.onMouseDown((e) => {
              const t = e.target.type;
              const line = e.target.position?.lineNumber;
              if (
                line &&
                onSelect.current &&
                (t === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN ||
                  t === monaco.editor.MouseTargetType.GUTTER_LINE_NUMBERS)
              )
                onSelect.current(line);
            });
            paint();
          }}
          original={props.original}
          modified={props.modified}
          {...keepModels}
          {...diffEditorProps(dark, inline, { original: props.originalLabel, modified: props.modifiedLabel })}
        />
      </div>
    </div>
  );
}
