import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { inlineReferences } from "@/lib/templates/inline-references";
import { renderPrompt } from "@/lib/templates/render-prompt";
import {
  renderTemplate,
  TemplateError,
  type ReferenceResolver,
  type TemplateIssue,
} from "@/lib/templates/render-template";
import { utf8Length } from "@/lib/templates/work-budget";

// The review's attack: eight small templates, each including the next ten times (10^8 copies).
const fanOut = (leaf: string, between = " "): ReferenceResolver => {
  const library: Record<string, string> = {};
  for (let i = 1; i <= 8; i++)
    library[`fan/t${i}`] = i === 8 ? leaf : Array.from({ length: 10 }, () => `{{> fan/t${i + 1}}}`).join(between);
  return (name) => (library[name] === undefined ? null : { template: library[name]! });
};

function limitIssue(fn: () => unknown): TemplateIssue {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    const issue = (error as TemplateError).issues.find((i) => i.limit);
    expect(issue, (error as Error).message).toBeDefined();
    return issue!;
  }
  throw new Error("expected the work bound to stop it");
}

describe("work bounds", () => {
  it("stops resolving a fan-out of references at the size limit, naming the chain", () => {
    const issue = limitIssue(() =>
      inlineReferences({
        template: "Hi {{> fan/t1}}",
        resolveReference: fanOut("x".repeat(150)),
        promptName: "attack/root",
      }),
    );
    expect(issue.limit).toBe("bytes");
    expect(issue.chain!.slice(0, 3)).toEqual(["attack/root", "fan/t1", "fan/t2"]);
    expect(issue.message).toMatch(
      /^The resolved template would be larger than 1 MB \(at attack\/root → fan\/t1 → fan\/t2 → .*\)/,
    );
    // With a smaller limit it stops sooner; under the limit the text is whole.
    expect(
      limitIssue(() =>
        inlineReferences({
          template: "{{> fan/t6}}",
          resolveReference: fanOut("x".repeat(150)),
          limits: { maxBytes: 10_000 },
        }),
      ).message,
    ).toMatch(/larger than 9\.8 KB/);
    expect(
      inlineReferences({ template: "{{> fan/t7}}", resolveReference: fanOut("abc"), limits: { maxBytes: 10_000 } }),
    ).toBe(Array(10).fill("abc").join(" "));
  });

  it("measures the resolved size exactly before building it: at the limit it resolves, one byte over it is refused", () => {
    const resolveReference = fanOut("é{{x}}");
    const text = inlineReferences({ template: "Hi {{> fan/t6}}!", resolveReference });
    const bytes = Buffer.byteLength(text);
    expect(text).toHaveLength("Hi ".length + 100 * "é{{x}}".length + 99 + "!".length);
    expect(inlineReferences({ template: "Hi {{> fan/t6}}!", resolveReference, limits: { maxBytes: bytes } })).toBe(
      text,
    );
    expect(
      limitIssue(() =>
        inlineReferences({ template: "Hi {{> fan/t6}}!", resolveReference, limits: { maxBytes: bytes - 1 } }),
      ),
    ).toMatchObject({ limit: "bytes", chain: ["fan/t6", "fan/t7", "fan/t8"] });
  });

  it("stops a fan-out of empty templates (no text, only work) at the step limit", () => {
    expect(
      limitIssue(() => inlineReferences({ template: "{{> fan/t1}}", resolveReference: fanOut("", "") })).limit,
    ).toBe("steps");
    expect(
      limitIssue(() => renderTemplate({ template: "{{> fan/t1}}", values: {}, resolveReference: fanOut("", "") }))
        .limit,
    ).toBe("steps");
  });

  it("refuses to render a fan-out whose resolved template is too large, and stops one that lists multiply", () => {
    const resolveReference = fanOut(`${"Hello ".repeat(25)}{{name}}`);
    const issue = limitIssue(() =>
      renderTemplate({ template: "{{> fan/t1}}", values: { name: "Ana" }, resolveReference, promptName: "root" }),
    );
    expect(issue).toMatchObject({
      limit: "bytes",
      message: expect.stringMatching(
        /^The resolved template would be larger than 1 MB \(at root → fan\/t1 → fan\/t2 → .* → fan\/t8\)/,
      ),
    });
    // 150 KB resolved is fine alone; repeated over a 30-item list it is stopped as it renders.
    expect(renderTemplate({ template: "{{> fan/t5}}", values: { name: "Ana" }, resolveReference })).toHaveLength(
      1000 * 153 + 999,
    );
    const listed = limitIssue(() =>
      renderTemplate({
        template: "{{#l}}{{> fan/t5}}{{/l}}",
        values: { name: "Ana", l: Array.from({ length: 30 }, () => ({})) },
        resolveReference,
        promptName: "root",
      }),
    );
    expect(listed).toMatchObject({
      limit: "bytes",
      message: expect.stringMatching(
        /^The rendered text would be larger than 1 MB \(at root → fan\/t5 → fan\/t6 → fan\/t7 → fan\/t8\)/,
      ),
    });
  });

  it("stops nested sections over a list (30^5 passes) at the step limit, with or without text", () => {
    const list = Array.from({ length: 30 }, (_, i) => i);
    const nested = (body: string) => `{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}${body}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}`;
    expect(limitIssue(() => renderTemplate({ template: nested(""), values: { l: list } }))).toMatchObject({
      limit: "steps",
      message: expect.stringMatching(/takes more than 100,000 steps: nested sections/),
    });
    expect(limitIssue(() => renderTemplate({ template: nested("{{.}},"), values: { l: list } })).limit).toBe("steps");
    // Two levels (900 passes) are ordinary work.
    expect(renderTemplate({ template: "{{#l}}{{#l}}{{.}}{{/l}}{{/l}}", values: { l: list } })).toHaveLength(
      30 * (10 + 20 * 2),
    );
  });

  it("stops a huge output (a large value repeated over a list) before building it", () => {
    const values = { l: Array.from({ length: 30 }, () => ({})), big: "é".repeat(100_000) };
    expect(limitIssue(() => renderTemplate({ template: "{{#l}}{{big}}{{/l}}", values }))).toMatchObject({
      limit: "bytes",
    });
    // Bytes, not characters: 100,000 "é" are 200,000 bytes, so 5 copies (1,000,000) fit and 6 do not.
    expect(
      renderTemplate({ template: "{{#l}}{{big}}{{/l}}", values: { ...values, l: values.l.slice(0, 5) } }),
    ).toHaveLength(500_000);
    expect(
      limitIssue(() =>
        renderTemplate({ template: "{{#l}}{{big}}{{/l}}", values: { ...values, l: values.l.slice(0, 6) } }),
      ).limit,
    ).toBe("bytes");
  });

  it("bounds a chat prompt's messages together, not each one", () => {
    const big = "y".repeat(400_000);
    const content = {
      messages: [1, 2, 3].map(() => ({ role: "user" as const, content: "{{big}}" })),
      contract: { variables: [{ name: "big", type: "string" as const, required: true }] },
    };
    expect(limitIssue(() => renderPrompt({ content, values: { big } })).limit).toBe("bytes");
    expect(
      renderPrompt({ content: { ...content, messages: content.messages.slice(0, 2) }, values: { big } }).messages,
    ).toHaveLength(2);
  });

  it("counts UTF-8 bytes as Node does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s));
      }),
      { numRuns: 500 },
    );
  });
});
