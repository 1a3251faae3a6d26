// Property: for templates generated from the language's grammar (text, variables, dotted paths,
// {{.}}, sections, inverted sections, comments, escaped braces) and values of every JSON kind,
// what renderPrompt gives equals what a direct reading of the generated tree gives. The tree is
// written out as template text with random spacing inside tags, so the parser is exercised too;
// the expectation never goes through it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { renderPrompt } from "./render-prompt";

type Tree =
  | { kind: "text"; text: string }
  | { kind: "escaped" }
  | { kind: "comment"; text: string }
  | { kind: "variable"; path: string; triple: boolean }
  | { kind: "section"; name: string; inverted: boolean; children: Tree[] };

const NAMES = ["a", "b", "user", "items"];
const PATHS = [...NAMES, "user.name", "user.a", "items.a", "items.length", "b.length", ".", "missing"];

// Text never holds "{" or "\" (which could open or escape a tag next to another node) and no "}}" in a comment.
const text = fc.string({
  unit: fc.constantFrom("x", "y", " ", "\n", "}", ":", '"', "é", "😀", "e\u0301"),
  minLength: 1,
});
const space = fc.constantFrom("", " ", "  ", "\t", "\n");

const tree: fc.Arbitrary<Tree[]> = fc.letrec<{ nodes: Tree[]; node: Tree }>((tie) => ({
  nodes: fc.array(tie("node"), { maxLength: 5 }),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text.map((t): Tree => ({ kind: "text", text: t })),
    fc.constant<Tree>({ kind: "escaped" }),
    fc.string({ unit: fc.constantFrom("n", "o", " ", "{", "\n") }).map((t): Tree => ({ kind: "comment", text: t })),
    fc.record({ path: fc.constantFrom(...PATHS), triple: fc.boolean() }).map((v): Tree => ({ kind: "variable", ...v })),
    fc
      .record({ name: fc.constantFrom(...NAMES, "user.name"), inverted: fc.boolean(), children: tie("nodes") })
      .map((s): Tree => ({ kind: "section", ...s })),
  ),
})).nodes;

// Small domains, so the edges (0, -0, "", false, null, missing) come up often, plus anything.
const scalar = fc.oneof(
  fc.constantFrom("", "x", 0, -0, 1, 1.5, 1e21, true, false, null),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const item = fc.record({ a: scalar, name: scalar }, { requiredKeys: [] });
const values = fc.record(
  {
    a: scalar,
    b: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
    user: item,
    items: fc.array(item, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** The template text for a tree; `spacing` picks the whitespace inside each tag. */
function write(nodes: Tree[], spacing: () => string): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case "text":
          return n.text;
        case "escaped":
          return "\\{{";
        case "comment":
          return `{{!${n.text}}}`;
        case "variable":
          return n.triple ? `{{{${spacing()}${n.path}${spacing()}}}}` : `{{${spacing()}${n.path}${spacing()}}}`;
        case "section":
          return `{{${n.inverted ? "^" : "#"}${spacing()}${n.name}}}${write(n.children, spacing)}{{/${n.name}${spacing()}}}`;
      }
    })
    .join("");
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The language as documented: names resolve in the innermost object scope that has them. */
function resolve(scopes: unknown[], path: string): unknown {
  if (path === ".") return scopes[scopes.length - 1];
  const [head, ...fields] = path.split(".");
  const scope = [...scopes].reverse().find((s) => isPlainObject(s) && Object.hasOwn(s, head!));
  if (!scope) return undefined;
  return fields.reduce<unknown>(
    (v, f) => (isPlainObject(v) && Object.hasOwn(v, f) ? v[f] : undefined),
    (scope as Record<string, unknown>)[head!],
  );
}

const empty = (v: unknown) => v == null || v === false || v === "" || (Array.isArray(v) && v.length === 0);
const asText = (v: unknown) =>
  v == null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v as string | number | boolean);

function expected(nodes: Tree[], scopes: unknown[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case "text":
          return n.text;
        case "escaped":
          return "{{";
        case "comment":
          return "";
        case "variable":
          return asText(resolve(scopes, n.path));
        case "section": {
          const v = resolve(scopes, n.name);
          if (n.inverted) return empty(v) ? expected(n.children, scopes) : "";
          if (Array.isArray(v)) return v.map((item) => expected(n.children, [...scopes, item])).join("");
          return empty(v) ? "" : expected(n.children, [...scopes, v]);
        }
      }
    })
    .join("");
}

describe("renderPrompt against the grammar", () => {
  it("renders every generated template as a direct reading of its tree says", () => {
    fc.assert(
      fc.property(tree, values, fc.array(space, { minLength: 1, maxLength: 8 }), (nodes, vals, spaces) => {
        let next = 0;
        const template = write(nodes, () => spaces[next++ % spaces.length]!);
        const rendered = renderPrompt({ content: { template, contract: { variables: [] } }, values: vals });
        expect(rendered.text).toBe(expected(nodes, [vals]));
        expect(rendered.messages).toEqual([{ role: "user", content: rendered.text }]);
      }),
      { numRuns: 1500 },
    );
  });
});
