import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { Contract } from "@/lib/templates/contract";
import { parseTemplate } from "@/lib/templates/parse-template";
import { renderTemplate, TemplateError, type ReferenceResolver } from "@/lib/templates/render-template";

const render = (
  template: string,
  values: Record<string, unknown> = {},
  extra: Partial<Parameters<typeof renderTemplate>[0]> = {},
) => renderTemplate({ template, values, ...extra });

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as TemplateError).issues;
  }
  throw new Error("expected a TemplateError");
}

describe("renderTemplate", () => {
  it("substitutes variables without HTML escaping", () => {
    expect(render("Hi {{name}}, <b>{{ tone }}</b> & {{{raw}}}", { name: "Ana & Bo", tone: "<calm>", raw: '"x"' })).toBe(
      'Hi Ana & Bo, <b><calm></b> & "x"',
    );
  });

  it("walks dotted paths and prints objects as JSON", () => {
    expect(render("{{user.name}} {{user}}", { user: { name: "Ana" } })).toBe('Ana {"name":"Ana"}');
    expect(render("[{{missing.deep}}]", {})).toBe("[]");
  });

  it("renders sections, lists and inverted sections", () => {
    const t =
      "{{#vip}}VIP {{/vip}}{{^vip}}regular {{/vip}}{{#items}}- {{name}} ({{tier}})\n{{/items}}{{#tags}}[{{.}}]{{/tags}}{{^tags}}no tags{{/tags}}";
    expect(render(t, { vip: true, items: [{ name: "a" }, { name: "b" }], tier: "gold", tags: ["x", "y"] })).toBe(
      "VIP - a (gold)\n- b (gold)\n[x][y]",
    );
    expect(render(t, { vip: false, items: [], tags: [] })).toBe("regular no tags");
  });

  it("drops comments and keeps JSON and escaped braces literal", () => {
    expect(render('{{! note }}Return {"a": {"b": [1, {"c": 2}]}} and \\{{literal}}', {})).toBe(
      'Return {"a": {"b": [1, {"c": 2}]}} and {{literal}}',
    );
  });

  it("reports syntax problems with line and column, all at once", () => {
    const parsed = parseTemplate("ok\n{{#a}}x{{/b}}\n{{ bad name }}\n{{#open}}");
    // In document order: {{#a}} never closed (line 2), the mismatched {{/b}}, the bad name, {{#open}}.
    expect(parsed.problems.map((p) => [p.span.start.line, p.span.start.column])).toEqual([
      [2, 1],
      [2, 8],
      [3, 1],
      [4, 1],
    ]);
    expect(parsed.problems.map((p) => p.message).join(" | ")).toMatch(
      /\{\{#a\}\} is never closed.*does not match the open section \{\{#a\}\}.*not a variable name.*\{\{#open\}\} is never closed/,
    );
    expect(parseTemplate("x {{y").problems[0]!.message).toMatch(/Unclosed tag/);
  });

  it("checks values against the contract and lists every problem, each naming its variable", () => {
    const contract: Contract = {
      variables: [
        { name: "name", type: "string", required: true },
        { name: "count", type: "number", required: true },
        { name: "tone", type: "enum", required: true, values: ["formal", "casual"] },
        { name: "greeting", type: "string", required: true, default: "Hello" },
      ],
    };
    const issues = issuesOf(() =>
      render("{{greeting}} {{name}}", { count: "3", tone: "angry", extra: 1 }, { contract, strict: true }),
    );
    expect(issues.map((i) => i.variable)).toEqual(["name", "count", "tone", "extra"]);
    expect(issues.map((i) => i.message)).toEqual([
      "name is required",
      'count must be a number, got the text "3"',
      'tone must be one of "formal", "casual", got the text "angry"',
      "extra is not a variable of this prompt",
    ]);
    expect(render("{{greeting}} {{name}}", { name: "Ana", count: 1, tone: "casual" }, { contract })).toBe("Hello Ana");
  });

  it("renders references to other prompts, pinned or not, and detects cycles and depth", () => {
    const prompts: Record<string, string> = {
      "shared/sig": "-- {{agent}}",
      "shared/sig@2": "Regards, {{agent}}",
      a: "A {{> b}}",
      b: "B {{> a}}",
    };
    const resolve: ReferenceResolver = (p, v) => {
      const t = prompts[v === null ? p : `${p}@${v}`];
      return t === undefined ? null : { template: t };
    };
    expect(render("Hi\n{{> shared/sig}}\n{{> shared/sig@2}}", { agent: "Bo" }, { resolveReference: resolve })).toBe(
      "Hi\n-- Bo\nRegards, Bo",
    );
    expect(issuesOf(() => render("{{> a}}", {}, { resolveReference: resolve, promptName: "root" }))[0]!.message).toBe(
      "Reference cycle: root → a → b → a",
    );
    expect(issuesOf(() => render("{{> nope/x@4}}", {}, { resolveReference: resolve }))[0]!.message).toBe(
      "Unknown prompt reference {{> nope/x@4}}",
    );
    const deep: ReferenceResolver = (p) => ({ template: `{{> ${p}x}}` });
    expect(issuesOf(() => render("{{> p}}", {}, { resolveReference: deep }))[0]!.message).toMatch(
      /deeper than 10 levels/,
    );
  });

  it("never throws anything but TemplateError, whatever the template and values", () => {
    const pieces = fc.constantFrom(
      "{{",
      "}}",
      "{{{",
      "}}}",
      "{{#a}}",
      "{{/a}}",
      "{{^b}}",
      "{{/b}}",
      "{{.}}",
      "{{> x}}",
      "{{!c}}",
      "\\{{",
      "a",
      "b.c",
      " ",
      "\n",
      "{",
      "}",
      "#",
      "/",
      "^",
      ">",
      "@",
      "x",
    );
    const template = fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(template, fc.dictionary(fc.constantFrom("a", "b", "c", "x"), fc.jsonValue()), (t, values) => {
        try {
          const out = renderTemplate({
            template: t,
            values,
            resolveReference: (p) => (p === "x" ? { template: t } : null),
          });
          expect(typeof out).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
