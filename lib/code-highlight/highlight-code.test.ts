import { createHighlighterCore } from "shiki/core";
import { describe, expect, it, vi } from "vitest";

import { buildOperationSnippets } from "@/lib/api-reference/build-operation-snippets";
import { listOperations } from "@/lib/api-reference/list-operations";
import { CODE_BACKGROUNDS, highlightCode, MAX_HIGHLIGHT_CHARS } from "@/lib/code-highlight/highlight-code";
import { contrastRatio } from "@/lib/code-highlight/readable-color";
import { buildUsageExamples } from "@/lib/serving/build-usage-examples";
import { openApiDocument } from "@/lib/serving/openapi-document";

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

  it("keeps every token of the studio's examples at 4.5:1 or more in both themes", async () => {
    const origin = "https://galley.acme.internal";
    const document = openApiDocument(origin);
    const snippets = listOperations({ document })
      .flatMap((g) => g.operations)
      .flatMap((operation) => Object.entries(buildOperationSnippets({ origin, operation, document })));
    const usage = buildUsageExamples({
      origin,
      name: "support/refund-reply",
      environment: "staging",
      contract: { variables: [{ name: "history", type: "messages", required: true }] },
    });
    const samples = [
      ...snippets.map(([kind, code]) => ({
        code,
        lang: kind === "curl" ? ("bash" as const) : ("typescript" as const),
      })),
      { code: usage.fetch, lang: "bash" as const },
      { code: usage.render, lang: "bash" as const },
      { code: usage.sdk, lang: "typescript" as const },
      { code: usage.python, lang: "python" as const },
      { code: JSON.stringify(document.components.requestBodies, null, 2), lang: "json" as const },
    ];
    const unreadable = new Set<string>();
    for (const sample of samples)
      for (const token of (await highlightCode(sample))!.flat()) {
        if (contrastRatio(token.light!, CODE_BACKGROUNDS.light) < 4.5)
          unreadable.add(`light ${token.light} ${token.content}`);
        if (contrastRatio(token.dark!, CODE_BACKGROUNDS.dark) < 4.5)
          unreadable.add(`dark ${token.dark} ${token.content}`);
      }
    expect([...unreadable]).toEqual([]);
  });

  it("creates one highlighter for every call in the process, and leaves oversized input plain", async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => highlightCode({ code: `{"n": ${i}}`, lang: "json" })));
    await highlightCode({ code: "{}", lang: "json" });
    expect(createHighlighterCore).toHaveBeenCalledTimes(1);
    // The same code again is answered from memory.
    const first = await highlightCode({ code: "curl -s 'https://g/api/health'", lang: "bash" });
    expect(await highlightCode({ code: "curl -s 'https://g/api/health'", lang: "bash" })).toBe(first);
    expect(await highlightCode({ code: "curl -s 'https://g/api/health'", lang: "typescript" })).not.toBe(first);
    expect(await highlightCode({ code: "x".repeat(MAX_HIGHLIGHT_CHARS + 1), lang: "bash" })).toBeNull();
  });
});
