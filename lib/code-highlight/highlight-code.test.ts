import { createHighlighterCore } from "shiki/core";
import { describe, expect, it, vi } from "vitest";

import { highlightCode, MAX_HIGHLIGHT_CHARS } from "@/lib/code-highlight/highlight-code";

// Counts highlighter creations; the highlighter itself is shiki's own.
vi.mock("shiki/core", async (importOriginal) => {
  const shiki = await importOriginal<typeof import("shiki/core")>();
  return { ...shiki, createHighlighterCore: vi.fn(shiki.createHighlighterCore) };
});

describe("highlightCode", () => {
  it("colours every token for both themes and keeps the text exactly", async () => {
    const code = `curl -X POST 'https://g/api/prompts/a/render' \\\n  -H "Authorization: Bearer $GALLEY_API_KEY"`;
    const lines = (await highlightCode({ code, lang: "bash" }))!;
    expect(lines.map((line) => line.map((t) => t.content).join("")).join("\n")).toBe(code);
    const tokens = lines.flat();
    expect(tokens.every((t) => /^#[0-9a-f]{6}$/i.test(t.light ?? "") && /^#[0-9a-f]{6}$/i.test(t.dark ?? ""))).toBe(
      true,
    );
    // A keyword and a string are told apart, in each theme.
    const ts = (await highlightCode({ code: 'const name = "Ana";', lang: "typescript" }))!.flat();
    const keyword = ts.find((t) => t.content === "const")!;
    const string = ts.find((t) => t.content.includes("Ana"))!;
    expect(keyword.light).not.toBe(string.light);
    expect(keyword.dark).not.toBe(string.dark);
  });

  it("creates one highlighter for every call in the process, and leaves oversized input plain", async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => highlightCode({ code: `{"n": ${i}}`, lang: "json" })));
    await highlightCode({ code: "{}", lang: "json" });
    expect(createHighlighterCore).toHaveBeenCalledTimes(1);
    expect(await highlightCode({ code: "x".repeat(MAX_HIGHLIGHT_CHARS + 1), lang: "bash" })).toBeNull();
  });
});
