import { describe, expect, it } from "vitest";

import { MAX_SECTION_DEPTH, parseTemplate, type TemplateNode } from "@/lib/templates/parse-template";

const nested = (depth: number) => "{{#a}}".repeat(depth) + "x" + "{{/a}}".repeat(depth);
const depthOf = (nodes: TemplateNode[]): number =>
  Math.max(0, ...nodes.map((n) => (n.kind === "section" ? 1 + depthOf(n.children) : 0)));

describe("section nesting", () => {
  it(`accepts ${MAX_SECTION_DEPTH} levels`, () => {
    const parsed = parseTemplate(nested(MAX_SECTION_DEPTH));
    expect(parsed.problems).toEqual([]);
    expect(depthOf(parsed.nodes)).toBe(MAX_SECTION_DEPTH);
  });

  it("stops at the first section past the bound with one problem at its position, and a tree no deeper than the bound", () => {
    const parsed = parseTemplate(nested(50_000));
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({
      message: "Sections are nested more than 64 levels deep.",
      span: { start: { offset: 6 * MAX_SECTION_DEPTH, line: 1 } },
    });
    // Walkers recurse per level: 50,000 levels would overflow their stack.
    expect(depthOf(parsed.nodes)).toBe(MAX_SECTION_DEPTH);
  });
});
