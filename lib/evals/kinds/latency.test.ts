import { describe, expect, it } from "vitest";

import { latency } from "./latency";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (maxMs: number, latencyMs: number | null, output = "") =>
  latency.evaluate({
    config: latency.configSchema.parse({ maxMs }),
    sample: sampleForTest({ latencyMs, output }),
    ctx: testContext,
  });

describe("latency", () => {
  it("passes at or under the bound and fails above it", async () => {
    expect(await run(1000, 1000)).toMatchObject({ pass: true, reason: "1,000 ms ≤ 1,000 ms." });
    expect(await run(1000, 1001)).toMatchObject({ pass: false, score: 0, reason: "1,001 ms > 1,000 ms." });
  });

  it("fails when no latency was measured, whatever the output", async () => {
    expect(await run(1000, null, megabyteOutput)).toMatchObject({
      pass: false,
      reason: "No latency was measured for this output.",
    });
    expect(await run(1000, 10, "🙂 {not json")).toMatchObject({ pass: true });
  });

  it("refuses a bound that is not a positive whole number", () => {
    expect(latency.configSchema.safeParse({ maxMs: 0 }).success).toBe(false);
    expect(latency.configSchema.safeParse({ maxMs: 1.5 }).success).toBe(false);
    expect(latency.configSchema.safeParse({}).success).toBe(false);
  });
});
