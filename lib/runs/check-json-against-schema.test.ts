import Ajv from "ajv";
import { describe, expect, it, vi } from "vitest";

import { CHECK_TIMEOUT_MS, checkJsonAgainstSchema, MAX_SCHEMA_CHARS } from "@/lib/runs/check-json-against-schema";

const schema = {
  type: "object",
  properties: {
    queue: { type: "string", enum: ["billing", "shipping", "other"] },
    urgent: { type: "boolean" },
    score: { type: "number", minimum: 0, maximum: 1 },
    tags: { type: "array", items: { type: "string" }, maxItems: 2 },
  },
  required: ["queue", "urgent"],
  additionalProperties: false,
};

const check = (value: unknown, s: Record<string, unknown>) => checkJsonAgainstSchema({ value, schema: s });
const problems = (value: unknown, s: Record<string, unknown>) => check(value, s).problems;

describe("checkJsonAgainstSchema", () => {
  it("accepts a fitting answer", () => {
    expect(check({ queue: "billing", urgent: false, score: 0.5, tags: ["a"] }, schema)).toEqual({
      problems: [],
      schemaError: null,
    });
  });

  it("lists every mismatch with its path", () => {
    expect(problems({ queue: "sales", score: 2, tags: ["a", 3, "c"], extra: 1 }, schema).sort()).toEqual(
      [
        "$.urgent: is required",
        '$.queue: must be one of "billing", "shipping", "other"',
        "$.score: must be ≤ 1",
        "$.tags: must have at most 2 items",
        "$.tags[1]: expected string, got integer",
        "$.extra: is not allowed",
      ].sort(),
    );
    expect(problems([1], schema)).toEqual(["$: expected object, got array"]);
  });

  // Each of these passed silently with the hand-written subset that came before ajv.
  it("checks $ref, pattern, format, allOf and exclusiveMinimum", () => {
    const rich = {
      $defs: { positive: { type: "integer", exclusiveMinimum: 0 } },
      type: "object",
      properties: {
        count: { $ref: "#/$defs/positive" },
        code: { type: "string", pattern: "^[A-Z]{3}-\\d+$" },
        email: { type: "string", format: "email" },
        when: { type: "string", format: "date-time" },
      },
      allOf: [{ required: ["code"] }],
    };
    expect(
      problems({ count: 1, code: "ABC-12", email: "ana@example.com", when: "2026-11-26T07:00:00Z" }, rich),
    ).toEqual([]);
    expect(problems({ count: 0, email: "not an email", when: "yesterday" }, rich).sort()).toEqual(
      [
        "$.code: is required",
        "$.count: must be > 0",
        "$.email: must be a valid email",
        "$.when: must be a valid date-time",
      ].sort(),
    );
    expect(problems({ code: "abc" }, rich)).toEqual(["$.code: must match the pattern ^[A-Z]{3}-\\d+$"]);
  });

  it("reads draft 2020-12 schemas as 2020-12 (prefixItems) when they say so", () => {
    const tuple = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "array",
      prefixItems: [{ type: "string" }, { type: "number" }],
      items: false,
    };
    expect(problems(["a", 1], tuple)).toEqual([]);
    expect(problems(["a", "b"], tuple)).toEqual(["$[1]: expected number, got string"]);
    expect(problems(["a", 1, true], tuple)).toEqual(["$: must NOT have more than 2 items"]);
  });

  it("names keys that are not plain names so they can be found", () => {
    expect(problems({ "a b": 1 }, { type: "object", properties: { "a b": { type: "string" } } })).toEqual([
      '$["a b"]: expected string, got integer',
    ]);
  });

  it("says why a schema cannot be used instead of failing the answer or crashing", () => {
    expect(check({}, { type: "strng" })).toMatchObject({
      problems: [],
      schemaError: expect.stringContaining("data/type must be equal to one of the allowed values"),
    });
    expect(check({}, { $ref: "https://example.com/schema.json" }).schemaError).toMatch(
      /can't resolve reference https:\/\/example.com\/schema.json/,
    );
    expect(check("x", { type: "string", pattern: "([" }).schemaError).toMatch(/Invalid regular expression/);
    expect(check({}, { $schema: "http://json-schema.org/draft-04/schema#" }).schemaError).toMatch(
      /not a version Galley checks/,
    );
    const huge = {
      type: "object",
      properties: Object.fromEntries(
        Array.from({ length: 5000 }, (_, i) => [`field${i}`, { type: "string", description: "x".repeat(20) }]),
      ),
    };
    expect(JSON.stringify(huge).length).toBeGreaterThan(MAX_SCHEMA_CHARS);
    expect(check({}, huge).schemaError).toMatch(/at most 50,000 are checked/);
  });

  it("stops a pattern that backtracks without end instead of stalling the server", () => {
    const result = check(
      { code: `${"a".repeat(40)}!` },
      { type: "object", properties: { code: { type: "string", pattern: "^(a+)+$" } } },
    );
    expect(result.schemaError).toBe(
      `checking took longer than ${CHECK_TIMEOUT_MS} ms; a pattern in it may backtrack without end on this answer.`,
    );
    // The same schema still checks answers that do not set it off.
    expect(
      problems({ code: "aab" }, { type: "object", properties: { code: { type: "string", pattern: "^(a+)+$" } } }),
    ).toEqual(["$.code: must match the pattern ^(a+)+$"]);
  });

  it("compiles a schema once, and two schemas with the same $id do not clash", () => {
    const a = { $id: "https://example.com/answer", type: "string" };
    const b = { $id: "https://example.com/answer", type: "number" };
    expect(problems("x", a)).toEqual([]);
    expect(problems("x", b)).toEqual(["$: expected number, got string"]);
    // Compiling generates code (the expensive part): an equal schema (a new object each run) is compiled once.
    const big = {
      type: "object",
      properties: Object.fromEntries(
        Array.from({ length: 300 }, (_, i) => [`f${i}`, { type: "string", pattern: `^x${i}` }]),
      ),
    };
    const compile = vi.spyOn(Ajv.prototype, "compile");
    try {
      for (let i = 0; i < 10; i++) expect(check({}, structuredClone(big)).problems).toEqual([]);
      expect(compile).toHaveBeenCalledTimes(1);
    } finally {
      compile.mockRestore();
    }
  });
});
