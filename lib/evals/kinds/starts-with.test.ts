import { describe, expect, it } from "vitest";

import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";
import { startsWith } from "./starts-with";

const run = (config: unknown, sample: Parameters<typeof sampleForTest>[0]) =>
  startsWith.evaluate({
    config: startsWith.configSchema.parse(config),
    sample: sampleForTest(sample),
    ctx: testContext,
  });

describe("starts-with", () => {
  it("passes when the output begins with the text, ignoring leading white space by default", async () => {
    expect(await run({ value: "Dear" }, { output: "\n  Dear customer" })).toMatchObject({ pass: true });
    expect(await run({ value: "Dear", trim: false }, { output: "  Dear customer" })).toMatchObject({ pass: false });
    expect(await run({ value: "customer" }, { output: "Dear customer" })).toMatchObject({ pass: false, score: 0 });
  });

  it("uses the expected output when no text is configured, and says so when there is none", async () => {
    expect(await run({}, { output: "Yes, indeed", expected: "Yes" })).toMatchObject({ pass: true });
    expect((await run({}, { output: "Yes", expected: null })).reason).toMatch(/Nothing to compare with/);
  });

  it("ignores case when asked, unicode included", async () => {
    expect(await run({ value: "ÉTÉ", ignoreCase: true }, { output: "été chaud" })).toMatchObject({ pass: true });
    expect(await run({ value: "🙂 hi" }, { output: "🙂 hi there" })).toMatchObject({ pass: true });
  });

  it("fails an empty output, handles invalid JSON and a 1 MB output", async () => {
    expect(await run({ value: "a" }, { output: "" })).toMatchObject({ pass: false });
    expect(await run({ value: "{" }, { output: "{oops" })).toMatchObject({ pass: true });
    expect(await run({ value: "lorem ipsum" }, { output: megabyteOutput })).toMatchObject({ pass: true });
  });

  it("refuses an empty configured text", () => {
    expect(startsWith.configSchema.safeParse({ value: "" }).success).toBe(false);
  });
});
