// Monaco support for Galley's template language: highlighting, completion of declared variables
// and prompt references, hover with a variable's description. Markers are set by the editor
// component from parseTemplate's problems. Registered once per page; per-model context (which
// variables and prompts exist) is looked up by model URI.
import type * as Monaco from "monaco-editor";

import type { VariableSpec } from "@/lib/templates/contract";

export const TEMPLATE_LANGUAGE = "galley-template";

export type TemplateContext = { variables: VariableSpec[]; prompts: string[] };
const contexts = new Map<string, TemplateContext>();

export function setTemplateContext(uri: string, context: TemplateContext) {
  contexts.set(uri, context);
}
export function clearTemplateContext(uri: string) {
  contexts.delete(uri);
}

let registered = false;

/** The editors' themes: Monaco's own in light; in dark, vs-dark with colours that stay readable on diff highlights. */
export const editorTheme = (dark: boolean) => (dark ? "galley-dark" : "vs");

// vs-dark's token colours fall to 2.7–3.7:1 on its own green diff highlight (axe color-contrast on the
// review page): the highlights here are darker and the tokens lighter, each ≥ 4.5:1 on the editor's
// background and on inserted and removed text alike.
function defineDarkTheme(monaco: typeof Monaco) {
  monaco.editor.defineTheme("galley-dark", {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "variable", foreground: "9cdcfe" },
      { token: "keyword", foreground: "d7a6d3" },
      { token: "type", foreground: "4ec9b0" },
      { token: "comment", foreground: "9fc98d" },
      { token: "delimiter.bracket", foreground: "ffd700" },
      { token: "string.escape", foreground: "d7ba7d" },
      { token: "invalid", foreground: "ff9b9b" },
    ],
    colors: {
      "diffEditor.insertedLineBackground": "#2ea0431f",
      "diffEditor.insertedTextBackground": "#2ea04338",
      "diffEditor.removedLineBackground": "#f851491f",
      "diffEditor.removedTextBackground": "#f8514938",
    },
  });
}

export function registerTemplateLanguage(monaco: typeof Monaco) {
  if (registered) return;
  registered = true;
  defineDarkTheme(monaco);
  monaco.languages.register({ id: TEMPLATE_LANGUAGE });
  monaco.languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE, {
    tokenizer: {
      root: [
        [/\\\{\{/, "string.escape"],
        [/\{\{!/, { token: "comment", next: "@comment" }],
        [/\{\{\{/, { token: "delimiter.bracket", next: "@triple" }],
        [/\{\{\s*[#^/]/, { token: "keyword", next: "@tag" }],
        [/\{\{\s*>/, { token: "type", next: "@reference" }],
        [/\{\{/, { token: "delimiter.bracket", next: "@tag" }],
        [/[^{\\]+/, ""],
        [/[{\\]/, ""],
      ],
      comment: [
        [/\}\}/, { token: "comment", next: "@pop" }],
        [/[^}]+|\}/, "comment"],
      ],
      tag: [
        [/\}\}/, { token: "delimiter.bracket", next: "@pop" }],
        [/[A-Za-z_][\w.]*|\./, "variable"],
        [/\s+/, ""],
        [/[^}\s]+|\}/, "invalid"],
      ],
      triple: [
        [/\}\}\}/, { token: "delimiter.bracket", next: "@pop" }],
        [/[A-Za-z_][\w.]*/, "variable"],
        [/[^}]+|\}/, "invalid"],
      ],
      reference: [
        [/\}\}/, { token: "type", next: "@pop" }],
        [/[^}]+|\}/, "type"],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration(TEMPLATE_LANGUAGE, {
    // Bracket matching only: auto-closing "{{" fights people who type the closing braces themselves.
    brackets: [["{{", "}}"]],
    autoClosingPairs: [],
  });

  monaco.languages.registerCompletionItemProvider(TEMPLATE_LANGUAGE, {
    triggerCharacters: ["{", ">", "#", "^", "/", " "],
    provideCompletionItems(model, position) {
      const context = contexts.get(model.uri.toString());
      if (!context) return { suggestions: [] };
      const before = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const word = model.getWordUntilPosition(position);
      const reference = /\{\{\s*>\s*([\w/@-]*)$/.exec(before);
      if (reference) {
        const typed = reference[1]!;
        const range = new monaco.Range(
          position.lineNumber,
          position.column - typed.length,
          position.lineNumber,
          position.column,
        );
        return {
          suggestions: context.prompts.map((name) => ({
            label: name,
            kind: monaco.languages.CompletionItemKind.Module,
            insertText: name,
            range,
            detail: "prompt reference",
          })),
        };
      }
      if (!/\{\{\{?\s*[#^/]?\s*[\w.]*$/.test(before)) return { suggestions: [] };
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: context.variables
          .filter((v) => v.type !== "messages")
          .map((v) => ({
            label: v.name,
            kind: monaco.languages.CompletionItemKind.Variable,
            insertText: v.name,
            range,
            detail: `${v.type}${v.required ? ", required" : ""}`,
            documentation: v.description,
          })),
      };
    },
  });

  monaco.languages.registerHoverProvider(TEMPLATE_LANGUAGE, {
    provideHover(model, position) {
      const context = contexts.get(model.uri.toString());
      const word = model.getWordAtPosition(position);
      const spec = word && context?.variables.find((v) => v.name === word.word);
      if (!spec || !word) return null;
      const facts = [
        spec.type === "enum" ? `enum: ${(spec.values ?? []).join(", ")}` : spec.type,
        spec.required ? "required" : "optional",
      ];
      if (spec.default !== undefined) facts.push(`default ${JSON.stringify(spec.default)}`);
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [
          { value: `**${spec.name}** — ${facts.join(", ")}` },
          ...(spec.description ? [{ value: spec.description }] : []),
        ],
      };
    },
  });
}
