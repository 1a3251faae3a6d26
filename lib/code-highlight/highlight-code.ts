// Syntax highlighting for code the studio shows (API reference, "Use this prompt"), on the server
// only: shiki never reaches a client bundle. The JavaScript regex engine needs no WASM, so nothing
// is fetched and the CSP stays 'self'. One highlighter per process, created on first use.
import "server-only";

import type { HighlighterCore } from "shiki/core";

export type CodeLanguage = "bash" | "typescript" | "json";

/** One token: its text and its colour in each theme (CSS variables --shiki-light / --shiki-dark). */
export type HighlightedToken = { content: string; light?: string; dark?: string };

/** Larger inputs are shown as plain text: highlighting is linear but not free, and this runs per request. */
export const MAX_HIGHLIGHT_CHARS = 50_000;

const THEMES = { light: "github-light", dark: "github-dark-default" } as const;

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ]);
    return createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark-default.mjs")],
      langs: [import("shiki/langs/bash.mjs"), import("shiki/langs/typescript.mjs"), import("shiki/langs/json.mjs")],
      engine: createJavaScriptRegexEngine(),
    });
  })().catch((error: unknown) => {
    // A failed start must not stick: the next request tries again.
    highlighter = undefined;
    throw error;
  });
  return highlighter;
}

/** Options for {@link highlightCode}. */
export type HighlightCodeOptions = { code: string; lang: CodeLanguage };

/**
 * The code as lines of coloured tokens for both themes, or null when it is too large to highlight
 * (the caller shows it plain).
 */
export async function highlightCode({ code, lang }: HighlightCodeOptions): Promise<HighlightedToken[][] | null> {
  if (code.length > MAX_HIGHLIGHT_CHARS) return null;
  const { tokens } = (await getHighlighter()).codeToTokens(code, { lang, themes: THEMES, defaultColor: false });
  return tokens.map((line) =>
    line.map((token) => ({
      content: token.content,
      light: token.htmlStyle?.["--shiki-light"],
      dark: token.htmlStyle?.["--shiki-dark"],
    })),
  );
}
