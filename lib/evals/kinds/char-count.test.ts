import { describe, expect, it } from "vitest";

import { charCount, countChars } from "./char-count";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (config: unknown, output: string) =>
  charCount.evaluate({
    config: charCount.configSchema.parse(config),
    sample: sampleForTest({ output }),
    ctx: testContext,
  });

describe("char-count", () => {
  it("counts code points, so an emoji is one character", () => {
    expect(countChars("")).toBe(0);
    expect(countChars("🙂")).toBe(1);
    expect(countChars("日本語")).toBe(3);
  });

  it("checks the range", async () => {
    expect(await run({ max: 5 }, "hello")).toMatchObject({ pass: true });
    expect(await run({ max: 4 }, "hello")).toMatchObject({ pass: false, reason: "5 characters; wanted at most 4." });
    expect(await run({ min: 1 }, "")).toMatchObject({ pass: false });
    expect(await run({ min: 1, max: 2 }, "{}")).toMatchObject({ pass: true });
  });

  it("counts a 1 MB output", async () => {
    expect(await run({ max: 1000 }, megabyteOutput)).toMatchObject({
      pass: false,
      reason: "1,080,000 characters; wanted at most 1,000.",
    });
  });
});
