import { describe, expect, it } from "vitest";

import { jsonEqual, parseJsonPath, readJsonPath } from "./json-path";
import { jsonPathEquals } from "./json-path-equals";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (config: unknown, sample: Parameters<typeof sampleForTest>[0]) =>
  jsonPathEquals.evaluate({
    config: jsonPathEquals.configSchema.parse(config),
    sample: sampleForTest(sample),
    ctx: testContext,
  });

describe("the JSON path syntax", () => {
  it("reads names, quoted keys and indexes (negative from the end)", () => {
    const doc = { order: { items: [{ sku: "A1" }, { sku: "B2" }] }, "first name": "Zoë", tags: ["x", "y"] };
    const at = (path: string) => {
      const parsed = parseJsonPath(path);
      if (!parsed.ok) throw new Error(parsed.message);
      return readJsonPath(doc, parsed.segments);
    };
    expect(at("$")).toEqual({ found: true, value: doc });
    expect(at("$.order.items[1].sku")).toEqual({ found: true, value: "B2" });
    expect(at('$["first name"]')).toEqual({ found: true, value: "Zoë" });
    expect(at("$.tags[-1]")).toEqual({ found: true, value: "y" });
    expect(at("$.tags[2]")).toEqual({ found: false });
    expect(at("$.order.missing.deeper")).toEqual({ found: false });
    expect(at("$.toString")).toEqual({ found: false });
  });

  it("explains what it cannot read", () => {
    expect(parseJsonPath("order.id")).toMatchObject({ ok: false, message: expect.stringMatching(/starts with \$/) });
    expect(parseJsonPath("$.a[*]")).toMatchObject({ ok: false, message: expect.stringMatching(/at character 4/) });
    expect(parseJsonPath('$["unterminated]')).toMatchObject({ ok: false });
  });

  it("compares JSON values regardless of key order", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual(1, "1")).toBe(false);
  });
});

describe("json-path-equals", () => {
  it("passes when the value at the path equals the configured JSON value", async () => {
    expect(await run({ path: "$.answer.id", value: 7 }, { output: '{"answer":{"id":7}}' })).toMatchObject({
      pass: true,
      reason: "$.answer.id is 7.",
    });
    expect(await run({ path: "$.tags", value: ["a", "ü"] }, { output: '{"tags":["a","ü"]}' })).toMatchObject({
      pass: true,
    });
    expect(await run({ path: "$.answer.id", value: 7 }, { output: '{"answer":{"id":"7"}}' })).toMatchObject({
      pass: false,
      reason: '$.answer.id is "7", expected 7.',
    });
  });

  it("reads the row's expected output as JSON when it is, as text otherwise", async () => {
    expect(await run({ path: "$.n" }, { output: '{"n":42}', expected: "42" })).toMatchObject({ pass: true });
    expect(await run({ path: "$.city" }, { output: '{"city":"Köln"}', expected: "Köln" })).toMatchObject({
      pass: true,
    });
    expect((await run({ path: "$.n" }, { output: '{"n":42}', expected: null })).reason).toMatch(
      /Nothing to compare with/,
    );
  });

  it("fails invalid JSON, an empty output and a missing path with a reason", async () => {
    expect((await run({ path: "$.a", value: 1 }, { output: "{" })).reason).toMatch(/not JSON/);
    expect((await run({ path: "$.a", value: 1 }, { output: "" })).reason).toMatch(/empty/);
    expect((await run({ path: "$.b", value: 1 }, { output: '{"a":1}' })).reason).toBe("The output has nothing at $.b.");
  });

  it("reads a 1 MB JSON output", async () => {
    expect(
      await run({ path: "$.text", value: megabyteOutput }, { output: JSON.stringify({ text: megabyteOutput }) }),
    ).toMatchObject({
      pass: true,
    });
  });

  it("refuses a path it cannot read when saved", () => {
    expect(jsonPathEquals.configSchema.safeParse({ path: "a.b", value: 1 }).error!.issues[0]!.path).toEqual(["path"]);
  });
});
