import { describe, expect, it } from "vitest";

import { cost } from "./cost";
import { megabyteOutput, sampleForTest, testContext } from "./sample-for-test";

const run = (maxUsd: number, costUsd: number | null, output = "") =>
  cost.evaluate({
    config: cost.configSchema.parse({ maxUsd }),
    sample: sampleForTest({ costUsd, output }),
    ctx: testContext,
  });

describe("cost", () => {
  it("passes at or under the budget and fails above it", async () => {
    expect(await run(0.01, 0.01)).toMatchObject({ pass: true, reason: "$0.01 ≤ $0.01." });
    expect(await run(0.01, 0.012345)).toMatchObject({ pass: false, reason: "$0.012345 > $0.01." });
    expect(await run(0, 0)).toMatchObject({ pass: true });
  });

  it("fails when the cost is unknown, whatever the output", async () => {
    expect((await run(1, null, megabyteOutput)).reason).toMatch(/cost is unknown/);
    expect(await run(1, 0.5, "")).toMatchObject({ pass: true });
    expect(await run(1, 0.5, "🙂 {")).toMatchObject({ pass: true });
  });

  it("refuses a negative budget", () => {
    expect(cost.configSchema.safeParse({ maxUsd: -1 }).success).toBe(false);
  });
});
