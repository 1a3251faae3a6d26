import { describe, expect, it } from "vitest";

import { MAX_REGEX_INPUT, regex } from "./regex";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (config: unknown, output: string) =>
  regex.evaluate({ config: regex.configSchema.parse(config), sample: sampleForTest({ output }), ctx: testContext });

describe("regex", () => {
  it("matches anywhere unless anchored, with flags", async () => {
    expect(await run({ pattern: "\\d{4}-\\d{2}" }, "on 2026-11 we")).toMatchObject({ pass: true, score: 1 });
    expect(await run({ pattern: "^\\d+$" }, "12a")).toMatchObject({
      pass: false,
      reason: "The output does not match /^\\d+$/.",
    });
    expect(await run({ pattern: "^yes$", flags: "im" }, "well\nYES\n")).toMatchObject({ pass: true });
  });

  it("refuses a bad pattern and stateful flags as config errors on their field", () => {
    const bad = regex.configSchema.safeParse({ pattern: "(unclosed" });
    expect(bad.error!.issues[0]).toMatchObject({
      path: ["pattern"],
      message: expect.stringMatching(/^Not a valid regular expression/),
    });
    expect(regex.configSchema.safeParse({ pattern: "a", flags: "g" }).error!.issues[0]!.path).toEqual(["flags"]);
  });

  it("handles an empty output, invalid JSON and unicode", async () => {
    expect(await run({ pattern: "^$" }, "")).toMatchObject({ pass: true });
    expect(await run({ pattern: '\\{"a":' }, '{"a":')).toMatchObject({ pass: true });
    expect(await run({ pattern: "^\\p{L}+ \\p{Emoji}$", flags: "u" }, "Grüße 🙂")).toMatchObject({ pass: true });
  });

  it("searches only the first 100,000 characters of a 1 MB output, and says so", async () => {
    const verdict = await run({ pattern: "needle" }, `${megabyteOutput}needle`);
    expect(verdict.pass).toBe(false);
    expect(verdict.reason).toContain(`only the first ${MAX_REGEX_INPUT.toLocaleString("en")} characters were searched`);
    expect(await run({ pattern: "^lorem" }, megabyteOutput)).toMatchObject({ pass: true });
  });

  it("stops a catastrophic pattern instead of hanging the server", async () => {
    const started = Date.now();
    const verdict = await run({ pattern: "^(a+)+$" }, `${"a".repeat(5_000)}!`);
    expect(verdict.pass).toBe(false);
    expect(verdict.reason).toMatch(/took longer than 250 ms .* may backtrack/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
