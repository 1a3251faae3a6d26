import { describe, expect, it } from "vitest";

import {
  compareArms,
  meanScore,
  MIN_RATINGS,
  newcombeInterval,
  thumbsUpRate,
  tQuantile975,
  welchInterval,
  wilsonInterval,
  type ArmTotals,
} from "@/lib/outcomes/arm-stats";

const arm = (version: number, over: Partial<ArmTotals> = {}): ArmTotals => ({
  version,
  count: 0,
  sum: 0,
  sumSquares: 0,
  ups: 0,
  downs: 0,
  ...over,
});
/** An arm's totals from its scores. */
const scored = (version: number, scores: number[]): ArmTotals =>
  arm(version, {
    count: scores.length,
    sum: scores.reduce((s, x) => s + x, 0),
    sumSquares: scores.reduce((s, x) => s + x * x, 0),
  });
const meanAndVariance = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { n: xs.length, mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) };
};

describe("tQuantile975", () => {
  it("matches Student's t table: 12.706 at 1, 2.042 at 30; 2.021 at 40, 2.000 at 60, 1.980 at 120", () => {
    // Beyond 30, against scipy.stats.t.ppf(0.975, df): 2.039513, 2.021075, 2.000298, 1.979930.
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile975(30)).toBeCloseTo(2.0423, 4);
    expect(tQuantile975(31)).toBeCloseTo(2.039513, 4);
    expect(tQuantile975(40)).toBeCloseTo(2.021075, 4);
    expect(tQuantile975(60)).toBeCloseTo(2.000298, 4);
    expect(tQuantile975(120)).toBeCloseTo(1.97993, 4);
    expect(tQuantile975(1e9)).toBeCloseTo(1.959964, 5);
  });

  it("rounds fractional degrees of freedom down up to 30 (a wider interval, never a narrower one)", () => {
    expect(tQuantile975(24.99)).toBe(tQuantile975(24));
    expect(tQuantile975(0.5)).toBe(Infinity);
  });
});

describe("one arm", () => {
  it("gives the mean score with its t interval", () => {
    // Scores 1..5: mean 3, s² = 2.5, s/√5 = 0.70711, t(4) = 2.7764: 3 ± 1.9632.
    const estimate = meanScore(scored(1, [1, 2, 3, 4, 5]));
    expect(estimate.value).toBe(3);
    expect(estimate.low).toBeCloseTo(1.0368, 3);
    expect(estimate.high).toBeCloseTo(4.9632, 3);
    expect(meanScore(scored(1, [4])).low).toBeNull();
    expect(meanScore(arm(1)).value).toBeNull();
  });

  it("gives the thumbs-up rate with Wilson's interval: 81 of 263 is 0.2553 to 0.3662", () => {
    // Newcombe, "Two-sided confidence intervals for the single proportion", Statistics in
    // Medicine 17 (1998) 857–872, Table I, example 81/263, Wilson score method: 0.2553, 0.3662.
    const rate = thumbsUpRate(arm(1, { ups: 81, downs: 182 }));
    expect(rate.value).toBeCloseTo(0.308, 3);
    expect(rate.low).toBeCloseTo(0.2553, 4);
    expect(rate.high).toBeCloseTo(0.3662, 4);
    // The same paper's 0/20: Wilson 0 to 0.1611, where Wald would say 0 to 0.
    expect(wilsonInterval(0, 20).low).toBe(0);
    expect(wilsonInterval(0, 20).high).toBeCloseTo(0.1611, 4);
  });
});

describe("two arms", () => {
  it("Welch: Wikipedia's example 1 gives t = −2.46 with about 25 degrees of freedom", () => {
    // https://en.wikipedia.org/wiki/Welch%27s_t-test, Examples, Example 1 (t = −2.46, p = 0.021);
    // df by hand (and scipy): 24.9885.
    const a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
    const a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
    const found = welchInterval(meanAndVariance(a2), meanAndVariance(a1));
    const se = (found.high - found.low) / 2 / tQuantile975(found.df);
    expect(found.difference / se).toBeCloseTo(-2.455, 3);
    expect(found.df).toBeCloseTo(24.9885, 3);
    // p = 0.021 < 0.05: the interval excludes zero.
    expect(found.high).toBeLessThan(0);
  });

  it("Newcombe: 56/70 against 48/80 is a difference of 0.2000, interval 0.0524 to 0.3339", () => {
    // Newcombe, "Interval estimation for the difference between independent proportions",
    // Statistics in Medicine 17 (1998) 873–890, Table II, example (a), method 10.
    const found = newcombeInterval({ ups: 48, n: 80 }, { ups: 56, n: 70 });
    expect(found.difference).toBeCloseTo(0.2, 10);
    expect(found.low).toBeCloseTo(0.0524, 4);
    expect(found.high).toBeCloseTo(0.3339, 4);
  });
});

describe("compareArms", () => {
  it("gives no verdict below the minimum sample, naming who is short", () => {
    const base = arm(6, { ups: 100, downs: 50 });
    const candidate = arm(7, { ups: 12, downs: 0 });
    const found = compareArms(base, candidate);
    expect(found).toMatchObject({ metric: "thumbs", verdict: "not-enough-data", interval: null });
    expect(found.sentence).toBe(`Not enough data yet: 12 ratings for v7, at least ${MIN_RATINGS} needed.`);
    expect(compareArms(arm(6), arm(7)).sentence).toBe(
      "Not enough data yet: 0 ratings for v7 and 0 ratings for v6, at least 30 needed.",
    );
  });

  it("says better when the whole interval is above zero, worse when below", () => {
    const base = arm(6, { ups: 48, downs: 32 });
    const candidate = arm(7, { ups: 56, downs: 14 });
    const better = compareArms(base, candidate);
    expect(better).toMatchObject({ verdict: "better", metric: "thumbs", confidence: 0.95 });
    expect(better.sentence).toBe("v7 is better than v6 with 95 % confidence (thumbs-up rate).");
    expect(better.interval!.low).toBeCloseTo(0.0524, 4);
    const worse = compareArms(candidate, base);
    expect(worse.verdict).toBe("worse");
    expect(worse.sentence).toBe("v6 is worse than v7 with 95 % confidence (thumbs-up rate).");
  });

  it("says no difference yet when the interval spans zero, with the interval", () => {
    const base = arm(6, { ups: 30, downs: 30 });
    const candidate = arm(7, { ups: 33, downs: 27 });
    const found = compareArms(base, candidate);
    expect(found.verdict).toBe("no-difference-yet");
    expect(found.interval!.low).toBeLessThan(0);
    expect(found.interval!.high).toBeGreaterThan(0);
    expect(found.sentence).toMatch(
      /^No difference between v7 and v6 yet at 95 % confidence \(thumbs-up rate, v7 − v6: −0\.\d{3} to \+0\.\d{3}\)\.$/,
    );
  });

  it("judges numeric scores with Welch's interval when they are the larger part", () => {
    const base = scored(
      6,
      Array.from({ length: 40 }, (_, i) => 3 + (i % 5) - 2),
    );
    const candidate = scored(
      7,
      Array.from({ length: 40 }, (_, i) => 4 + (i % 5) - 2),
    );
    const found = compareArms(base, candidate);
    expect(found.metric).toBe("score");
    expect(found.difference).toBeCloseTo(1, 10);
    expect(found.verdict).toBe("better");
    expect(found.sentence).toBe("v7 is better than v6 with 95 % confidence (mean score).");
    // The same data as thumbs would not be enough.
    expect(compareArms(base, candidate, { metric: "thumbs" }).verdict).toBe("not-enough-data");
  });

  it("copes with arms whose scores never vary", () => {
    const same = compareArms(scored(6, Array(30).fill(5)), scored(7, Array(30).fill(5)));
    expect(same).toMatchObject({ verdict: "no-difference-yet", difference: 0 });
    expect(compareArms(scored(6, Array(30).fill(4)), scored(7, Array(30).fill(5))).verdict).toBe("better");
  });
});
