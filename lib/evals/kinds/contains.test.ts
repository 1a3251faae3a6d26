import { describe, expect, it } from "vitest";

import { contains } from "./contains";
import { icontains } from "./icontains";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (config: unknown, sample: Parameters<typeof sampleForTest>[0]) =>
  contains.evaluate({ config: contains.configSchema.parse(config), sample: sampleForTest(sample), ctx: testContext });
const runI = (config: unknown, sample: Parameters<typeof sampleForTest>[0]) =>
  icontains.evaluate({ config: icontains.configSchema.parse(config), sample: sampleForTest(sample), ctx: testContext });

describe("contains", () => {
  it("passes when any of the texts is found (the default)", async () => {
    expect(await run({ values: ["refund", "credit"] }, { output: "We will credit you." })).toMatchObject({
      pass: true,
      score: 1,
    });
    const none = await run({ values: ["refund", "credit"] }, { output: "Sorry." });
    expect(none).toMatchObject({ pass: false, score: 0 });
    expect(none.reason).toContain('"refund"');
  });

  it("with mode all, needs every text and scores the share found", async () => {
    const half = await run({ values: ["refund", "credit"], mode: "all" }, { output: "A refund." });
    expect(half).toMatchObject({ pass: false, score: 0.5 });
    expect(half.reason).toBe('Missing "credit".');
    expect(await run({ values: ["refund", "credit"], mode: "all" }, { output: "refund or credit" })).toMatchObject({
      pass: true,
      score: 1,
    });
  });

  it("is case-sensitive unless asked; icontains never is", async () => {
    expect(await run({ values: ["Refund"] }, { output: "refund" })).toMatchObject({ pass: false });
    expect(await run({ values: ["Refund"], ignoreCase: true }, { output: "refund" })).toMatchObject({ pass: true });
    expect(await runI({ values: ["REFUND"] }, { output: "a refund" })).toMatchObject({ pass: true });
    expect(await runI({ values: ["ÜBER"], mode: "all" }, { output: "über alles" })).toMatchObject({ pass: true });
  });

  it("looks for the row's expected output when no texts are configured", async () => {
    expect(await run({}, { output: "The answer is 42.", expected: "42" })).toMatchObject({ pass: true });
    const nothing = await run({}, { output: "anything", expected: null });
    expect(nothing).toMatchObject({ pass: false });
    expect(nothing.reason).toMatch(/Nothing to look for/);
  });

  it("an empty output contains nothing", async () => {
    expect(await run({ values: ["a"] }, { output: "" })).toMatchObject({ pass: false });
  });

  it("finds unicode text written two ways", async () => {
    expect(await run({ values: ["cafe\u0301"] }, { output: "Un caf\u00e9, s'il vous plaît 🙂" })).toMatchObject({
      pass: true,
    });
  });

  it("searches a 1 MB output", async () => {
    expect(await run({ values: ["needle"] }, { output: `${megabyteOutput}needle` })).toMatchObject({ pass: true });
    expect(await run({ values: ["needle"] }, { output: megabyteOutput })).toMatchObject({ pass: false });
  });

  it("refuses empty texts in the list", () => {
    expect(contains.configSchema.safeParse({ values: [""] }).success).toBe(false);
  });

  it("reads invalid JSON as text", async () => {
    expect(await run({ values: ['"a":'] }, { output: '{"a": ' })).toMatchObject({ pass: true });
  });
});
