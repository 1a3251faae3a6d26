import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { inlineReferences } from "@/lib/templates/inline-references";
import { renderTemplate } from "@/lib/templates/render-template";

const library: Record<string, string> = {
  "shared/tone": "Be {{tone}}.",
  "shared/sign-off": "{{> shared/tone}} Thanks, {{agent}}",
  "shared/sign-off@1": "Bye",
  "loop/a": "{{> loop/b}}",
  "loop/b": "{{> loop/a}}",
};
const resolveReference = (name: string, version: number | null) => {
  const template = library[version === null ? name : `${name}@${version}`];
  return template === undefined ? null : { template };
};

describe("inlineReferences", () => {
  it("replaces references, nested ones and pinned ones, keeping variables and sections", () => {
    expect(
      inlineReferences({
        template: "Hi {{name}}. {{#vip}}{{> shared/sign-off}}{{/vip}} {{> shared/sign-off@1}}",
        resolveReference,
      }),
    ).toBe("Hi {{name}}. {{#vip}}Be {{tone}}. Thanks, {{agent}}{{/vip}} Bye");
  });

  it("reports unknown references and cycles, every one", () => {
    expect(() => inlineReferences({ template: "{{> nope}} {{> loop/a}}", resolveReference })).toThrow(
      /Unknown prompt reference \{\{> nope\}\}; Reference cycle: loop\/a → loop\/b → loop\/a/,
    );
    expect(() =>
      inlineReferences({ template: "{{> me}}", resolveReference: () => ({ template: "x" }), promptName: "me" }),
    ).toThrow(/Reference cycle: me → me/);
  });

  it("renders to the same text as rendering with the references resolved", () => {
    fc.assert(
      fc.property(
        fc.record({ name: fc.string(), vip: fc.boolean(), tone: fc.string(), agent: fc.string() }),
        (values) => {
          const template = "Hi {{name}}. {{#vip}}{{> shared/sign-off}}{{/vip}}{{^vip}}{{> shared/tone}}{{/vip}}";
          expect(renderTemplate({ template: inlineReferences({ template, resolveReference }), values })).toBe(
            renderTemplate({ template, values, resolveReference }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
