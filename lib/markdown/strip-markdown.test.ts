import { describe, expect, it } from "vitest";

import { stripMarkdown } from "@/lib/markdown/strip-markdown";

describe("stripMarkdown", () => {
  it("keeps the text of links and images and the content of code", () => {
    expect(stripMarkdown({ text: "See [the refund guide](https://example.test/guide) and ![a chart](c.png)." })).toBe(
      "See the refund guide and a chart.",
    );
    expect(stripMarkdown({ text: "Set `tone: warm` and call `render()`." })).toBe("Set tone: warm and call render().");
    expect(stripMarkdown({ text: 'Before\n```json\n{ "a": [1, 2] }\n```\nAfter' })).toBe(
      'Before { "a": [1, 2] } After',
    );
    expect(stripMarkdown({ text: "Mail <mailto:ana@example.test> or [ref link][1].\n\n[1]: https://x.test" })).toBe(
      "Mail mailto:ana@example.test or ref link.",
    );
  });

  it("drops emphasis, headings, quotes, list markers, rules and HTML, but not the words", () => {
    const text = [
      "## Tone",
      "> **Too formal**, and _a bit_ long.",
      "",
      "- [x] shorter",
      "* ~~apologise twice~~",
      "1. keep the *refund* window",
      "",
      "---",
      "<b>bold</b> snake_case_name stays, 2 * 3 * 4 too",
    ].join("\n");
    expect(stripMarkdown({ text })).toBe(
      "Tone Too formal, and a bit long. shorter apologise twice keep the refund window bold snake_case_name stays, 2 * 3 * 4 too",
    );
  });

  it("does not read markdown inside code", () => {
    expect(stripMarkdown({ text: "Use `**kwargs` and `[x](y)`" })).toBe("Use **kwargs and [x](y)");
  });

  it("flattens tables and keeps escaped characters", () => {
    expect(stripMarkdown({ text: "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n\\*not emphasis\\*" })).toBe(
      "a b 1 2 *not emphasis*",
    );
  });

  it("bounds the length at a word boundary, with an ellipsis", () => {
    const long = "word ".repeat(100);
    const preview = stripMarkdown({ text: long, maxLength: 40 });
    expect(preview.length).toBeLessThanOrEqual(40);
    expect(preview).toMatch(/^(word )+word…$/);
    expect(stripMarkdown({ text: "short", maxLength: 40 })).toBe("short");
    // One long word is cut inside it rather than dropped.
    expect(stripMarkdown({ text: "x".repeat(50), maxLength: 10 })).toBe(`${"x".repeat(9)}…`);
  });
});
