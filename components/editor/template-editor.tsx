"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useMemo, useRef, useState } from "react";
import { MonacoBinding } from "y-monaco";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";

import { provideMonaco } from "@/components/collab/monaco-runtime";
import { preloadMonacoFiles } from "@/components/editor/monaco-files";
import { preloadEditor } from "@/components/editor/preload-editor";
import {
  clearTemplateContext,
  editorTheme,
  registerTemplateLanguage,
  setTemplateContext,
  TEMPLATE_LANGUAGE,
} from "@/components/editor/template-language";
import { useDarkMode } from "@/components/ui/use-dark-mode";
import type { VariableSpec } from "@/lib/templates/contract";
import { parseTemplate } from "@/lib/templates/parse-template";
import { collectReferences } from "@/lib/templates/render-template";

// Start fetching Monaco as soon as this module is evaluated, before the page has hydrated and the
// editor mounts (it configures Monaco to come from our origin, too).
preloadEditor();

/** Dispatched on window when Ctrl/Cmd+Enter is pressed inside an editor. */
export const RUN_EVENT = "galley:run";

// Set rather than left to Monaco, so the box can be sized for the text before Monaco has loaded.
const LINE_HEIGHT = 19;
const PADDING = 8;
// Room above the first line for the name tag on another person's cursor there.
const LIVE_PADDING_TOP = 14;

let liveEditors = 0;

/** A shared text the editor edits with everyone else (components/collab). */
export type LiveText = {
  text: Y.Text;
  /** Everyone's cursors and selections; null until the connection is set up. */
  awareness: Awareness | null;
};

type Props = {
  value: string;
  onChange: (value: string) => void;
  variables: VariableSpec[];
  /** Prompts that may be referenced; when given, unknown references are marked as errors. */
  prompts?: string[];
  ariaLabel: string;
  readOnly?: boolean;
  /** Ctrl/Cmd+S inside the editor (Monaco would otherwise swallow it). */
  onSave?: () => void;
  minHeight?: number;
  maxHeight?: number;
  /**
   * Binds the editor to a shared text: the text comes from it and every keystroke goes to it,
   * others' cursors show, and undo/redo undo only this person's edits. `value` then only drives
   * the markers and the placeholder; `onChange` is not called.
   */
  live?: LiveText;
};

/**
 * A Monaco editor for one template, sized to its content, with live error markers (unclosed
 * sections, bad tags, unknown prompt references) at their line and column.
 */
export function TemplateEditor(props: Props) {
  preloadMonacoFiles();
  const dark = useDarkMode();
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const saveRef = useRef(props.onSave);
  const undoRef = useRef<Y.UndoManager | null>(null);
  const [mounted, setMounted] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const { variables, prompts, value, live, ariaLabel, readOnly } = props;
  const liveText = live?.text;
  const awareness = live?.awareness ?? null;
  const paddingTop = live ? LIVE_PADDING_TOP : 0;
  const minHeight = props.minHeight ?? 120;
  const maxHeight = props.maxHeight ?? 640;
  // The box is as tall as the text will be (wrapped lines aside) from the first paint, so nothing
  // moves when Monaco replaces the placeholder.
  const [height, setHeight] = useState(() =>
    Math.min(maxHeight, Math.max(minHeight, value.split("\n").length * LINE_HEIGHT + PADDING + paddingTop)),
  );

  // The shared text's binding, made again when the awareness arrives (the connection is set up
  // after the editor may have mounted). Undo tracks this binding's own changes only, so Ctrl+Z
  // never takes back what someone else typed; Monaco's own undo stack is bypassed (y-monaco
  // applies remote edits outside it, so it would be wrong after the first one).
  useEffect(() => {
    const model = mounted?.getModel();
    if (!mounted || !model || !liveText || !monacoRef.current) return;
    provideMonaco(monacoRef.current);
    const binding = new MonacoBinding(liveText, model, new Set([mounted]), awareness);
    keepCaretLeft(binding, mounted);
    const undo = new Y.UndoManager(liveText, { trackedOrigins: new Set([binding]), captureTimeout: 500 });
    undoRef.current = undo;
    return () => {
      undoRef.current = null;
      undo.destroy();
      binding.destroy();
    };
  }, [mounted, liveText, awareness]);

  useEffect(() => {
    saveRef.current = props.onSave;
  }, [props.onSave]);

  // Keep completion/hover context and markers in step with the text and the contract.
  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!editor || !monaco || !model) return;
    setTemplateContext(model.uri.toString(), { variables, prompts: prompts ?? [] });
    const parsed = parseTemplate(value);
    const known = new Set(prompts);
    const markers: Monaco.editor.IMarkerData[] = parsed.problems.map((p) => ({
      severity: monaco.MarkerSeverity.Error,
      message: p.message,
      startLineNumber: p.span.start.line,
      startColumn: p.span.start.column,
      endLineNumber: p.span.end.line,
      endColumn: p.span.end.column,
    }));
    const walk = (nodes: typeof parsed.nodes) => {
      for (const node of nodes) {
        if (node.kind === "reference" && !known.has(node.prompt)) {
          markers.push({
            severity: monaco.MarkerSeverity.Error,
            message: `There is no prompt named ${node.prompt} in this project.`,
            startLineNumber: node.span.start.line,
            startColumn: node.span.start.column,
            endLineNumber: node.span.end.line,
            endColumn: node.span.end.column,
          });
        }
        if (node.kind === "section") walk(node.children);
      }
    };
    if (prompts && collectReferences(parsed.nodes).length) walk(parsed.nodes);
    monaco.editor.setModelMarkers(model, "galley", markers);
  }, [value, variables, prompts]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    return () => {
      if (model) clearTemplateContext(model.uri.toString());
    };
  }, []);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    const model = editor.getModel();
    if (model) setTemplateContext(model.uri.toString(), { variables, prompts: prompts ?? [] });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current?.());
    // Ctrl/Cmd+Enter runs the playground (Monaco would otherwise insert a line).
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => window.dispatchEvent(new Event(RUN_EVENT)));
    if (live) {
      // Keybindings are shared by every editor on the page: a context key only this editor has
      // makes these fire for it alone (and before Monaco's own undo).
      const only = `galleyLiveEditor${++liveEditors}`;
      editor.createContextKey(only, true);
      const { KeyMod, KeyCode } = monaco;
      editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => undoRef.current?.undo(), only);
      editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => undoRef.current?.redo(), only);
      editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => undoRef.current?.redo(), only);
    }
    const fit = () => setHeight(Math.min(maxHeight, Math.max(minHeight, editor.getContentHeight() + PADDING)));
    editor.onDidContentSizeChange(fit);
    fit();
    setMounted(editor);
  };

  // One object while these stay the same: @monaco-editor/react calls updateOptions whenever the
  // object changes, and the editor re-renders with every change to the shared text.
  const options = useMemo<Monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel,
      readOnly,
      minimap: { enabled: false },
      lineNumbers: "on",
      wordWrap: "on",
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineHeight: LINE_HEIGHT,
      padding: { top: paddingTop },
      renderLineHighlight: "none",
      // Suggestions come from the contract (our completion provider); word-based ones would
      // start Monaco's web worker for nothing.
      wordBasedSuggestions: "off",
      scrollbar: { alwaysConsumeMouseWheel: false },
      automaticLayout: true,
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
    }),
    [ariaLabel, readOnly, paddingTop],
  );

  return (
    <div className="overflow-hidden rounded-md border border-line" style={{ height }} data-testid="template-editor">
      {/* Uncontrolled: the model owns the text while typing (a controlled value races fast typing
          and moves the cursor). A parent that replaces the text remounts the editor with a new key. */}
      <Editor
        defaultValue={props.value}
        language={TEMPLATE_LANGUAGE}
        theme={editorTheme(dark)}
        beforeMount={registerTemplateLanguage}
        onMount={onMount}
        onChange={(v) => {
          if (!live) props.onChange(v ?? "");
        }}
        loading={<EditorPlaceholder text={props.value} paddingTop={paddingTop} />}
        options={options}
      />
    </div>
  );
}

/**
 * y-monaco remembers the caret before a remote change as positions tied to the character on their
 * right: a caret at the end of the text then jumps past what someone else types there, so two
 * people typing at the same spot interleave letter by letter ("AHneal wlas…", seen in e2e). Tied
 * to the character on the left instead (assoc -1), the caret stays after this person's own text.
 */
function keepCaretLeft(binding: MonacoBinding, editor: Monaco.editor.IStandaloneCodeEditor) {
  const { doc, ytext, monacoModel } = binding;
  doc.off("beforeAllTransactions", binding._beforeTransaction);
  binding._beforeTransaction = () =>
    binding.mux(() => {
      binding._savedSelections = new Map();
      const selection = editor.getSelection();
      if (!selection || editor.getModel() !== monacoModel) return;
      const at = (position: Monaco.IPosition) =>
        Y.createRelativePositionFromTypeIndex(ytext, monacoModel.getOffsetAt(position), -1);
      binding._savedSelections.set(editor, {
        start: at(selection.getStartPosition()),
        end: at(selection.getEndPosition()),
        direction: selection.getDirection(),
      });
    });
  // binding.destroy() removes this listener (it unsubscribes binding._beforeTransaction).
  doc.on("beforeAllTransactions", binding._beforeTransaction);
}

/**
 * What the editor shows while Monaco loads: the text itself, where Monaco will draw it (after the
 * line-number gutter), so the prompt can be read at once and nothing shifts when the editor arrives.
 */
function EditorPlaceholder({ text, paddingTop }: { text: string; paddingTop: number }) {
  return (
    <pre
      aria-hidden="true"
      data-testid="editor-placeholder"
      style={{ paddingTop }}
      className="h-full w-full self-start overflow-hidden py-0 pr-4 pl-[64px] font-mono text-[13px] leading-[19px] break-words whitespace-pre-wrap text-muted"
    >
      {text}
    </pre>
  );
}
