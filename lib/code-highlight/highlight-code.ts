// Syntax highlighting for code the studio shows (API reference, "Use this prompt"), on the server
// only: shiki never reaches a client bundle. The JavaScript regex engine needs no WASM, so nothing
// is fetched and the CSP stays 'self'. One highlighter per process, created on first use.
import "server-only";

import type { HighlighterCore } from "shiki/core";

import { readableColor } from "@/lib/code-highlight/readable-color";

const LANGUAGES = ["bash", "typescript", "json", "python"] as const;
export type CodeLanguage = (typeof LANGUAGES)[number];

/** One token: its text and its colour in each theme (CSS variables --shiki-light / --shiki-dark). */
export type HighlightedToken = { content: string; light?: string; dark?: string };

/** Larger inputs are shown as plain text: highlighting is linear but not free, and this runs per request. */
export const MAX_HIGHLIGHT_CHARS = 50_000;

const THEMES = { light: "github-light", dark: "github-dark-default" } as const;
/**
 * The backgrounds code is shown on (--surface in app/globals.css, light and dark); token colours
 * are kept at 4.5:1 or more against them.
 */
export const CODE_BACKGROUNDS = { light: "#ffffff", dark: "#17171b" } as const;
const readable = (color: string | undefined, background: string) =>
  color === undefined ? undefined : readableColor({ color, background });

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import("shiki/core"),
      import("shiki/engine/javascript"),
    ]);
    const created = await createHighlighterCore({
      themes: [import("shiki/themes/github-light.mjs"), import("shiki/themes/github-dark-default.mjs")],
      // Named one by one: an import with a template path would bundle every language shiki has.
      langs: [
        import("shiki/langs/bash.mjs"),
        import("shiki/langs/typescript.mjs"),
        import("shiki/langs/json.mjs"),
        import("shiki/langs/python.mjs"),
      ],
      engine: createJavaScriptRegexEngine(),
    });
    // shiki 4.6 colours a language's first two-theme tokenization with the first theme's colours
    // wrong (every light token takes the first scope's colour); a throwaway call per language
    // gets that out of the way.
    for (const lang of LANGUAGES) created.codeToTokens("x", { lang, themes: THEMES, defaultColor: false });
    return created;
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
 * Answers by language and code, newest last (a Map keeps insertion order), bounded by the
 * characters of code they hold. Pages highlight the same examples on every request (the API
 * reference's are the same for everyone), and highlighting costs milliseconds per snippet.
 */
const answers = new Map<string, { lines: HighlightedToken[][]; chars: number }>();
const MAX_CACHED_CHARS = 1_000_000;
let cachedChars = 0;

function remember(key: string, lines: HighlightedToken[][]) {
  answers.set(key, { lines, chars: key.length });
  cachedChars += key.length;
  for (const [oldest, { chars }] of answers) {
    if (cachedChars <= MAX_CACHED_CHARS) break;
    answers.delete(oldest);
    cachedChars -= chars;
  }
}

/**
 * The code as lines of coloured tokens for both themes, or null when it is too large to highlight
 * (the caller shows it plain).
 */
export async function highlightCode({ code, lang }: HighlightCodeOptions): Promise<HighlightedToken[][] | null> {
  if (code.length > MAX_HIGHLIGHT_CHARS) return null;
  const key = `${lang}\n${code}`;
  const known = answers.get(key);
  if (known) {
    // Most recently used last.
    answers.delete(key);
    answers.set(key, known);
    return known.lines;
  }
  const { tokens } = (await getHighlighter()).codeToTokens(code, { lang, themes: THEMES, defaultColor: false });
  const lines = tokens.map((line) =>
    line.map((token) => ({
      content: token.content,
      light: readable(token.htmlStyle?.["--shiki-light"], CODE_BACKGROUNDS.light),
      dark: readable(token.htmlStyle?.["--shiki-dark"], CODE_BACKGROUNDS.dark),
    })),
  );
  remember(key, lines);
  return lines;
}
