import { describe, expect, it } from "vitest";

import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";
import { countWords, wordCount } from "./word-count";

const run = (config: unknown, output: string) =>
  wordCount.evaluate({
    config: wordCount.configSchema.parse(config),
    sample: sampleForTest({ output }),
    ctx: testContext,
  });

describe("word-count", () => {
  it("counts runs of non-space characters", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  one\ttwo\n three  ")).toBe(3);
    expect(countWords("naïve café 🙂")).toBe(3);
    expect(countWords("a\u00a0b")).toBe(2);
  });

  it("checks the range with either bound", async () => {
    expect(await run({ min: 2, max: 3 }, "one two")).toMatchObject({ pass: true, reason: "2 words; wanted 2–3." });
    expect(await run({ min: 2 }, "one")).toMatchObject({ pass: false, reason: "1 words; wanted at least 2." });
    expect(await run({ max: 0 }, "")).toMatchObject({ pass: true });
    expect(await run({ max: 3 }, '{"not": "json"')).toMatchObject({ pass: true });
  });

  it("counts a 1 MB output", async () => {
    expect(await run({ min: 100_000 }, megabyteOutput)).toMatchObject({
      pass: true,
      reason: "200,000 words; wanted at least 100,000.",
    });
  });

  it("needs a bound, and min ≤ max, naming the field", () => {
    expect(wordCount.configSchema.safeParse({}).error!.issues[0]!.path).toEqual(["min"]);
    expect(wordCount.configSchema.safeParse({ min: 5, max: 2 }).error!.issues[0]!.path).toEqual(["max"]);
  });
});
