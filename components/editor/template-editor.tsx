"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";

import { configureMonaco } from "@/components/editor/monaco-setup";
import {
  clearTemplateContext,
  registerTemplateLanguage,
  setTemplateContext,
  TEMPLATE_LANGUAGE,
} from "@/components/editor/template-language";
import { useDarkMode } from "@/components/ui/use-dark-mode";
import type { VariableSpec } from "@/lib/templates/contract";
import { parseTemplate } from "@/lib/templates/parse-template";
import { collectReferences } from "@/lib/templates/render-template";

configureMonaco();

/** Dispatched on window when Ctrl/Cmd+Enter is pressed inside an editor. */
export const RUN_EVENT = "galley:run";

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
};

/**
 * A Monaco editor for one template, sized to its content, with live error markers (unclosed
 * sections, bad tags, unknown prompt references) at their line and column.
 */
export function TemplateEditor(props: Props) {
  const dark = useDarkMode();
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const saveRef = useRef(props.onSave);
  const [height, setHeight] = useState(props.minHeight ?? 120);
  const { variables, prompts, value } = props;

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
    const fit = () =>
      setHeight(Math.min(props.maxHeight ?? 640, Math.max(props.minHeight ?? 120, editor.getContentHeight() + 8)));
    editor.onDidContentSizeChange(fit);
    fit();
  };

  return (
    <div className="overflow-hidden rounded-md border border-line" style={{ height }} data-testid="template-editor">
      {/* Uncontrolled: the model owns the text while typing (a controlled value races fast typing
          and moves the cursor). A parent that replaces the text remounts the editor with a new key. */}
      <Editor
        defaultValue={props.value}
        language={TEMPLATE_LANGUAGE}
        theme={dark ? "vs-dark" : "vs"}
        beforeMount={registerTemplateLanguage}
        onMount={onMount}
        onChange={(v) => props.onChange(v ?? "")}
        loading={<div className="p-3 text-muted">Loading editor…</div>}
        options={{
          ariaLabel: props.ariaLabel,
          readOnly: props.readOnly,
          minimap: { enabled: false },
          lineNumbers: "on",
          wordWrap: "on",
          scrollBeyondLastLine: false,
          fontSize: 13,
          renderLineHighlight: "none",
          scrollbar: { alwaysConsumeMouseWheel: false },
          automaticLayout: true,
          quickSuggestions: { other: true, comments: false, strings: true },
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
