import { describe, expect, it } from "vitest";

import { isJson } from "./is-json";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (config: unknown, output: string) =>
  isJson.evaluate({ config: isJson.configSchema.parse(config), sample: sampleForTest({ output }), ctx: testContext });

describe("is-json", () => {
  it("passes any JSON value by default", async () => {
    expect(await run({}, '{"a":1}')).toMatchObject({ pass: true, score: 1, reason: "The output is a JSON object." });
    expect(await run({}, " 42 ")).toMatchObject({ pass: true });
    expect(await run({}, "null")).toMatchObject({ pass: true });
  });

  it("fails invalid JSON with the parser's message, and an empty output", async () => {
    const bad = await run({}, '{"a":');
    expect(bad).toMatchObject({ pass: false, score: 0 });
    expect(bad.reason).toMatch(/^The output is not JSON: /);
    expect((await run({}, "")).reason).toBe("The output is empty, not JSON.");
  });

  it("checks the type when asked", async () => {
    expect(await run({ type: "object" }, "[1]")).toMatchObject({
      pass: false,
      reason: "The output is JSON, but a array, not an object.",
    });
    expect(await run({ type: "array" }, "[1]")).toMatchObject({ pass: true });
  });

  it("accepts a Markdown fence only when allowed", async () => {
    const fenced = '```json\n{"a": "ü"}\n```';
    expect(await run({}, fenced)).toMatchObject({ pass: false });
    expect(await run({ allowFence: true }, fenced)).toMatchObject({ pass: true });
    expect(await run({ allowFence: true }, `Here you go:\n${fenced}`)).toMatchObject({ pass: false });
  });

  it("reads unicode and a 1 MB JSON string", async () => {
    expect(await run({}, '{"emoji":"🙂","text":"日本語"}')).toMatchObject({ pass: true });
    expect(await run({}, JSON.stringify({ text: megabyteOutput }))).toMatchObject({ pass: true });
    expect(await run({}, megabyteOutput)).toMatchObject({ pass: false });
  });
});
