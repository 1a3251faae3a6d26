import { describe, expect, it } from "vitest";

import { armsSchema, assignArm, parseReleaseToken, releaseToken, type Arm } from "@/lib/releases/arms";

const ids = { promptId: "prompt-1", releaseId: "release1" };
const units = (n: number) => Array.from({ length: n }, (_, i) => `unit-${i}`);

/** How many of the units each arm got, in the arms' order. */
function counts(arms: Arm[], unitIds: string[], releaseId = ids.releaseId): number[] {
  const byVersion = new Map(arms.map((arm) => [arm.version, 0]));
  for (const unit of unitIds) {
    const { version } = assignArm(arms, { ...ids, releaseId, unit });
    byVersion.set(version, byVersion.get(version)! + 1);
  }
  return arms.map((arm) => byVersion.get(arm.version)!);
}

/** Pearson's χ² statistic of observed counts against the arms' weights. */
function chiSquared(arms: Arm[], observed: number[]): number {
  const total = observed.reduce((a, b) => a + b, 0);
  return arms.reduce((sum, arm, i) => {
    const expected = (total * arm.weight) / 100;
    return sum + (observed[i]! - expected) ** 2 / expected;
  }, 0);
}

// The χ² distribution's upper 0.1 % points, by degrees of freedom (arms − 1).
const CRITICAL_AT_0_001: Record<number, number> = { 1: 10.828, 2: 13.816, 3: 16.266 };

describe("assignArm", () => {
  it("gives a unit the same arm every time, and the same arms as the released hash (instances and upgrades agree)", () => {
    const arms = [
      { version: 6, weight: 50 },
      { version: 7, weight: 30 },
      { version: 8, weight: 20 },
    ];
    const assigned = () => units(24).map((unit) => assignArm(arms, { ...ids, unit }).version);
    // Written down once: a change to the hash would move every unit of every running release.
    expect(assigned().join("")).toBe("677767667787877767868787");
    expect(assigned()).toEqual(assigned());
    // The release id seeds the hash: another release of the same versions assigns afresh.
    expect(units(200).map((unit) => assignArm(arms, { ...ids, releaseId: "release2", unit }).version)).not.toEqual(
      units(200).map((unit) => assignArm(arms, { ...ids, unit }).version),
    );
  });

  it.each([
    [
      "90/10",
      [
        { version: 6, weight: 90 },
        { version: 7, weight: 10 },
      ],
    ],
    [
      "50/50",
      [
        { version: 6, weight: 50 },
        { version: 7, weight: 50 },
      ],
    ],
    [
      "50/30/20",
      [
        { version: 3, weight: 50 },
        { version: 9, weight: 30 },
        { version: 4, weight: 20 },
      ],
    ],
  ])("spreads 100,000 units as the weights say: %s, χ² under the critical value at p = 0.001", (_name, arms) => {
    const observed = counts(arms, units(100_000));
    expect(chiSquared(arms, observed)).toBeLessThan(CRITICAL_AT_0_001[arms.length - 1]!);
  });

  it("notices a skew: the same test refuses counts drawn with the wrong weights", () => {
    // What the χ² check above would say of an assignment that gave v7 11 % instead of 10 %.
    const arms = [
      { version: 6, weight: 90 },
      { version: 7, weight: 10 },
    ];
    expect(chiSquared(arms, [89_000, 11_000])).toBeGreaterThan(CRITICAL_AT_0_001[1]!);
  });

  it("keeps every unit already on the growing arm when ramping 10 → 20 → 50 %, and moves units only onto it", () => {
    const steps = [10, 20, 50].map((canary) => [
      { version: 6, weight: 100 - canary },
      { version: 7, weight: canary },
    ]);
    const all = units(20_000);
    const on = steps.map((arms) => all.map((unit) => assignArm(arms, { ...ids, unit }).version));
    for (let step = 1; step < steps.length; step++)
      all.forEach((_, i) => {
        if (on[step - 1]![i] === 7) expect(on[step]![i]).toBe(7);
      });
    const share = on.map((assigned) => assigned.filter((v) => v === 7).length / all.length);
    expect(share[0]).toBeCloseTo(0.1, 1);
    expect(share[1]).toBeCloseTo(0.2, 1);
    expect(share[2]).toBeCloseTo(0.5, 1);
  });

  it("keeps the raised arm's units in a three-arm ramp, whichever arms give up weight", () => {
    const before = [
      { version: 1, weight: 60 },
      { version: 2, weight: 20 },
      { version: 3, weight: 20 },
    ];
    const after = [
      { version: 1, weight: 45 },
      { version: 2, weight: 40 },
      { version: 3, weight: 15 },
    ];
    for (const unit of units(20_000)) {
      const was = assignArm(before, { ...ids, unit }).version;
      const is = assignArm(after, { ...ids, unit }).version;
      if (was === 2) expect(is).toBe(2);
      else if (is !== was) expect(is).toBe(2);
    }
  });

  it("does not depend on the order the arms are listed in", () => {
    const arms = [
      { version: 6, weight: 70 },
      { version: 7, weight: 20 },
      { version: 8, weight: 10 },
    ];
    const reversed = [...arms].reverse();
    const shuffled = [arms[1]!, arms[2]!, arms[0]!];
    for (const unit of units(5_000)) {
      const version = assignArm(arms, { ...ids, unit }).version;
      expect(assignArm(reversed, { ...ids, unit }).version).toBe(version);
      expect(assignArm(shuffled, { ...ids, unit }).version).toBe(version);
    }
  });

  it("follows the weights without a unit id too: one random choice per request", () => {
    const arms = [
      { version: 6, weight: 90 },
      { version: 7, weight: 10 },
    ];
    for (const unit of [undefined, null, ""]) {
      let canary = 0;
      for (let i = 0; i < 10_000; i++) if (assignArm(arms, { ...ids, unit }).version === 7) canary++;
      // Expected 1,000 with a standard deviation of 30: a bound this loose fails only when broken.
      expect(canary).toBeGreaterThan(800);
      expect(canary).toBeLessThan(1_200);
    }
  });
});

describe("the split's schema and release tokens", () => {
  it("accepts 2–4 arms of whole percentages adding up to 100, and names what is wrong otherwise", () => {
    expect(
      armsSchema.safeParse([
        { version: 6, weight: 90 },
        { version: 7, weight: 10 },
      ]).success,
    ).toBe(true);
    const messages = (value: unknown) => {
      const parsed = armsSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(
      messages([
        { version: 6, weight: 90 },
        { version: 7, weight: 20 },
      ]),
    ).toEqual(["The weights add up to 110 %; they must add up to 100 %."]);
    expect(
      messages([
        { version: 6, weight: 50 },
        { version: 6, weight: 50 },
      ]),
    ).toEqual(["Version 6 is listed twice."]);
    expect(messages([{ version: 6, weight: 100 }])).toHaveLength(2);
  });

  it("reads back the tokens it writes, and refuses what is not one", () => {
    expect(parseReleaseToken(releaseToken("clx0abc", 7))).toEqual({ releaseId: "clx0abc", version: 7 });
    for (const bad of ["", "7", ".7", "abc.", "abc.07", "abc.0", "ABC.7", "a-b.7", `${"a".repeat(65)}.7`])
      expect(parseReleaseToken(bad), bad).toBeNull();
  });
});
