// The Python renderer against lib/templates on generated cases: templates stitched from tag
// pieces, stray braces and arbitrary text (syntax errors included), references that include each
// other (cycles included), contracts of every type, values of every JSON kind, strict mode, small
// limits and chat prompts with placeholders. Each case goes through both renderers (one Python
// process for all of them) and the outcomes must be equal, syntax-error positions included. The
// fixed suite (sdk/conformance) says what is right; this finds what it does not cover yet.
import { spawnSync } from "node:child_process";
import path from "node:path";
import util from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { VariableSpec } from "@/lib/templates/contract";
import { renderPrompt } from "@/lib/templates/render-prompt";
import { TemplateError } from "@/lib/templates/render-template";

import { outcomeOf, type ConformanceCase } from "./conformance/conformance";

const NAMES = ["a", "b", "x", "constructor", "h"];

const piece = fc.constantFrom(
  "{{a}}",
  "{{ b }}",
  "{{{x}}}",
  "{{a.b}}",
  "{{x.length}}",
  "{{.}}",
  "{{#a}}",
  "{{/a}}",
  "{{^b}}",
  "{{/b}}",
  "{{#x}}",
  "{{/x}}",
  "{{!c}}",
  "{{> r}}",
  "{{> r@2}}",
  "{{> s}}",
  "{{>\u00a0r}}",
  "\\{{",
  "{{",
  "}}",
  "{",
  "}",
  "\\",
  "{{\ufeffa}}",
  "{{\u0085a}}",
  "{{constructor}}",
  "😀",
  "e\u0301",
  "\n",
  "\r\n",
  " ",
);
const stitched = fc
  .array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), {
    maxLength: 14,
  })
  .map((parts) => parts.join(""));
// Well-formed ones too, so most renders get past the parser: sections balanced around the rest.
const leaf = fc.constantFrom("{{a}}", "{{{x}}}", "{{.}}", "{{a.b}}", "{{> r}}", "{{!c}}", "\\{{", "é😀", "\n", " x ");
const wellFormed: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: "small" },
    fc.array(leaf, { maxLength: 4 }).map((parts) => parts.join("")),
    fc
      .tuple(fc.constantFrom("#", "^"), fc.constantFrom(...NAMES), tie("t"), tie("t"))
      .map(([sigil, name, inner, after]) => `{{${sigil}${name}}}${inner}{{/${name}}}${after}`),
  ),
})).t;
const template = fc.oneof(stitched, wellFormed);

const json = fc.jsonValue({ maxDepth: 2 });
const value = fc.oneof(
  json,
  fc.constantFrom(0, -0, 1.5, 1e21, 1e-7, "", true, false, null, [], {}),
  fc.array(fc.record({ role: fc.constantFrom("user", "assistant"), content: fc.string() })),
);

const spec: fc.Arbitrary<VariableSpec> = fc
  .record(
    {
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom("string", "number", "boolean", "enum", "json", "messages" as const),
      required: fc.boolean(),
      default: value,
    },
    { requiredKeys: ["name", "type", "required"] },
  )
  .map((v) => (v.type === "enum" ? { ...v, values: ["warm", "x", "1"] } : v)) as fc.Arbitrary<VariableSpec>;
const contract = fc.uniqueArray(spec, { selector: (v) => v.name, maxLength: 3 }).map((variables) => ({ variables }));

const message = fc.oneof(
  fc.record({ role: fc.constantFrom("system", "user", "assistant" as const), content: template }),
  fc.record({ role: fc.constant("placeholder" as const), name: fc.constantFrom("h", "a") }),
);

const generatedCase: fc.Arbitrary<ConformanceCase> = fc.record(
  {
    name: fc.constant("generated"),
    content: fc.oneof(
      fc.record({ template, contract }),
      fc.record({ messages: fc.array(message, { maxLength: 3 }), contract }),
    ),
    references: fc.record(
      { r: fc.record({ template }), "r@2": fc.record({ template, contract }), s: fc.record({ template }) },
      { requiredKeys: [] },
    ),
    values: fc.dictionary(fc.constantFrom(...NAMES, "1", "z"), value, { maxKeys: 4 }),
    strict: fc.boolean(),
    promptName: fc.constantFrom("r", "p"),
    limits: fc.record({ maxBytes: fc.nat(120), maxSteps: fc.nat(40) }, { requiredKeys: [] }),
    expect: fc.constant({ text: "" }),
  },
  { requiredKeys: ["name", "content", "values", "expect"] },
);

describe("the Python renderer", () => {
  it("gives what lib/templates gives on thousands of generated cases", () => {
    const seed = Date.now() % 2 ** 31;
    const cases = fc.sample(generatedCase, { numRuns: 3000, seed });
    const expected = cases.map((c) => outcomeOf(c, { renderPrompt, TemplateError }, { positions: true }));
    const python = spawnSync(
      "/usr/bin/python3",
      [path.join(__dirname, "conformance", "run_python.py"), "--positions"],
      {
        input: JSON.stringify(cases),
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
      },
    );
    expect({ error: python.error?.message, stderr: python.stderr }).toEqual({ error: undefined, stderr: "" });
    const actual = JSON.parse(python.stdout) as unknown[];
    // Through JSON both, as the Python side saw the values (-0 is 0 there); key order aside.
    const typescript = JSON.parse(JSON.stringify(expected)) as unknown[];
    const differing = cases.flatMap((c, i) =>
      util.isDeepStrictEqual(actual[i], typescript[i])
        ? []
        : [{ case: c, typescript: typescript[i], python: actual[i] }],
    );
    // The first few, in full: each is a conformance case to add once the right answer is settled.
    expect({ seed, differing: differing.length, first: differing.slice(0, 3) }).toEqual({
      seed,
      differing: 0,
      first: [],
    });
  });
});
