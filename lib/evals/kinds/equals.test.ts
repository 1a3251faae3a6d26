import { describe, expect, it } from "vitest";

import { equals } from "./equals";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (config: unknown, sample: Parameters<typeof sampleForTest>[0]) =>
  equals.evaluate({ config: equals.configSchema.parse(config), sample: sampleForTest(sample), ctx: testContext });

describe("equals", () => {
  it("compares with the configured value, trimming by default", async () => {
    expect(await run({ value: "Paris" }, { output: "  Paris\n" })).toMatchObject({ pass: true, score: 1 });
    expect(await run({ value: "Paris", trim: false }, { output: "  Paris\n" })).toMatchObject({
      pass: false,
      score: 0,
    });
  });

  it("falls back to the row's expected output, and fails with a reason when there is none", async () => {
    expect(await run({}, { output: "42", expected: "42" })).toMatchObject({ pass: true });
    const none = await run({}, { output: "42", expected: null });
    expect(none).toMatchObject({ pass: false, score: 0 });
    expect(none.reason).toMatch(/no expected output/);
  });

  it("ignores case only when asked", async () => {
    expect(await run({ value: "PARIS" }, { output: "paris" })).toMatchObject({ pass: false });
    expect(await run({ value: "PARIS", ignoreCase: true }, { output: "paris" })).toMatchObject({ pass: true });
  });

  it("treats an empty output as a text like any other", async () => {
    expect(await run({ value: "" }, { output: "" })).toMatchObject({ pass: true });
    const failed = await run({ value: "x" }, { output: "" });
    expect(failed).toMatchObject({ pass: false });
    expect(failed.reason).toContain("(empty)");
  });

  it("compares unicode after normalisation (é composed vs. e + combining accent)", async () => {
    expect(await run({ value: "caf\u00e9 ☕" }, { output: "cafe\u0301 ☕" })).toMatchObject({ pass: true });
    expect(await run({ value: "ÉCOLE", ignoreCase: true }, { output: "école" })).toMatchObject({ pass: true });
  });

  it("handles a 1 MB output and keeps its reason short", async () => {
    const same = await run({}, { output: megabyteOutput, expected: megabyteOutput });
    expect(same.pass).toBe(true);
    const differs = await run({ value: "short" }, { output: megabyteOutput });
    expect(differs.pass).toBe(false);
    expect(differs.reason!.length).toBeLessThan(300);
  });

  it("does not try to read JSON: invalid JSON is just text", async () => {
    expect(await run({ value: '{"a":' }, { output: '{"a":' })).toMatchObject({ pass: true });
  });
});
