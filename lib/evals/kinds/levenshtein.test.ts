import { describe, expect, it } from "vitest";

import { levenshtein, levenshteinDistance } from "./levenshtein";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (config: unknown, sample: Parameters<typeof sampleForTest>[0]) =>
  levenshtein.evaluate({
    config: levenshtein.configSchema.parse(config),
    sample: sampleForTest(sample),
    ctx: testContext,
  });

describe("levenshtein", () => {
  it("counts edits between code points", () => {
    expect(levenshteinDistance("kitten", "sitting")).toBe(3);
    expect(levenshteinDistance("", "abc")).toBe(3);
    expect(levenshteinDistance("abc", "")).toBe(3);
    expect(levenshteinDistance("🙂a", "🙃a")).toBe(1);
    expect(levenshteinDistance("same", "same")).toBe(0);
  });

  it("scores the similarity and passes at the threshold", async () => {
    const verdict = await run({ value: "kitten", threshold: 0.5 }, { output: "sitting" });
    expect(verdict.score).toBeCloseTo(1 - 3 / 7);
    expect(verdict.pass).toBe(true);
    expect(await run({ value: "kitten", threshold: 0.6 }, { output: "sitting" })).toMatchObject({ pass: false });
    expect(await run({ value: "abcd", threshold: 0.75 }, { output: "abcx" })).toMatchObject({
      pass: true,
      score: 0.75,
    });
  });

  it("uses the expected output, and treats two empty texts as identical", async () => {
    expect(await run({}, { output: "Hello", expected: "hello" })).toMatchObject({ pass: true, score: 0.8 });
    expect(await run({ ignoreCase: true }, { output: "Hello", expected: "hello" })).toMatchObject({ score: 1 });
    expect(await run({}, { output: "", expected: "" })).toMatchObject({ pass: true, score: 1 });
    expect(await run({}, { output: "x", expected: null })).toMatchObject({ pass: false });
  });

  it("compares invalid JSON and unicode as text", async () => {
    expect(await run({ value: '{"a":1' }, { output: '{"a":1}' })).toMatchObject({ pass: true });
    expect(await run({ value: "Grüße", threshold: 0.8 }, { output: "Grüsse" })).toMatchObject({ pass: false });
  });

  it("refuses a comparison over its size bound instead of stalling, and handles a 1 MB output against a short text", async () => {
    const short = await run({ value: "lorem" }, { output: megabyteOutput });
    expect(short.pass).toBe(false);
    expect(short.score).toBeLessThan(0.01);
    const huge = await run({}, { output: megabyteOutput, expected: megabyteOutput.slice(0, 9_000) });
    expect(huge).toMatchObject({ pass: false, score: 0 });
    expect(huge.reason).toMatch(/^Too long to compare/);
  });
});
