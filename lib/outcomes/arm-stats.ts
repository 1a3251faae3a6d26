// How each arm of a release is rated, and whether a candidate is better than the base, at 95 %
// confidence. Pure (browser-safe), from the totals feedbackByArm returns.
// - Numeric scores: mean ± t · s / √n (Student's t, n − 1 degrees of freedom); two arms compared
//   with Welch's interval for the difference of means (unequal variances, Welch–Satterthwaite df).
// - Thumbs: the up rate with Wilson's score interval; two arms compared with Newcombe's hybrid
//   score interval for a difference of proportions (Newcombe 1998, method 10: no continuity
//   correction), which, unlike the Wald interval, behaves near 0 % and 100 %.
// - No verdict before MIN_RATINGS ratings per arm: with fewer, an interval is too wide to mean much
//   and early peeking finds differences that are not there.
// A verdict is "better" or "worse" only when the whole 95 % interval of the difference lies on
// one side of zero. (Looking every day and stopping at the first verdict raises the false-positive
// rate above 5 %; the page says "with 95 % confidence" for one look, as A/B tools commonly do.)

/** One arm's feedback: numeric scores (count, sum, sum of squares) and thumbs (ups, downs) kept apart. */
export type ArmTotals = {
  version: number;
  /** Numeric scores. */
  count: number;
  sum: number;
  sumSquares: number;
  /** Thumbs. */
  ups: number;
  downs: number;
};

/** An estimate with its 95 % interval; null bounds when there is too little data for one. */
export type Estimate = { value: number | null; low: number | null; high: number | null; n: number };

export type Metric = "score" | "thumbs";

export type Comparison = {
  metric: Metric;
  verdict: "better" | "worse" | "no-difference-yet" | "not-enough-data";
  confidence: 0.95;
  /** candidate − base (mean score, or up rate), null without data. */
  difference: number | null;
  interval: { low: number; high: number } | null;
  sentence: string;
};

export const CONFIDENCE = 0.95;
/** Ratings each arm needs before any verdict. */
export const MIN_RATINGS = 30;
/** The 97.5th percentile of the standard normal: a two-sided 95 % interval. */
const Z = 1.959963984540054;

// Student's t, 97.5th percentile, for 1–30 degrees of freedom (any statistics table, e.g. NIST
// Engineering Statistics Handbook 1.3.6.7.2).
const T_TABLE = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314,
  2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

/**
 * t such that a two-sided 95 % interval with `df` degrees of freedom is ± t · standard error. Up to
 * 30: the table, at the whole degrees of freedom below (rounding down widens the interval: never
 * overconfident). Above: the Cornish–Fisher expansion around the normal quantile (Abramowitz &
 * Stegun 26.7.5), within 1e-4 of the exact value there.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Infinity;
  if (df <= 30) return T_TABLE[Math.floor(df) - 1]!;
  const z = Z;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** The sample variance from count, sum and sum of squares (0 below two scores; never negative from rounding). */
function variance(n: number, sum: number, sumSquares: number): number {
  if (n < 2) return 0;
  return Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
}

/** The mean numeric score with its 95 % t interval (no interval below two scores). */
export function meanScore(arm: ArmTotals): Estimate {
  const n = arm.count;
  if (n === 0) return { value: null, low: null, high: null, n };
  const mean = arm.sum / n;
  if (n < 2) return { value: mean, low: null, high: null, n };
  const half = tQuantile975(n - 1) * Math.sqrt(variance(n, arm.sum, arm.sumSquares) / n);
  return { value: mean, low: mean - half, high: mean + half, n };
}

/** Wilson's score interval for ups out of n (Wilson 1927). */
export function wilsonInterval(ups: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = ups / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** The thumbs-up rate with its 95 % Wilson interval. */
export function thumbsUpRate(arm: ArmTotals): Estimate {
  const n = arm.ups + arm.downs;
  if (n === 0) return { value: null, low: null, high: null, n };
  return { value: arm.ups / n, ...wilsonInterval(arm.ups, n), n };
}

/** Welch's 95 % interval for mean(b) − mean(a). */
export function welchInterval(
  a: { n: number; mean: number; variance: number },
  b: { n: number; mean: number; variance: number },
): { difference: number; low: number; high: number; df: number } {
  const difference = b.mean - a.mean;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { difference, low: difference, high: difference, df: a.n + b.n - 2 };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = tQuantile975(df) * se;
  return { difference, low: difference - half, high: difference + half, df };
}

/** Newcombe's hybrid score 95 % interval for p(b) − p(a), from Wilson intervals of each (method 10). */
export function newcombeInterval(
  a: { ups: number; n: number },
  b: { ups: number; n: number },
): { difference: number; low: number; high: number } {
  const pa = a.ups / a.n;
  const pb = b.ups / b.n;
  const wa = wilsonInterval(a.ups, a.n);
  const wb = wilsonInterval(b.ups, b.n);
  const difference = pb - pa;
  return {
    difference,
    low: difference - Math.sqrt((pb - wb.low) ** 2 + (wa.high - pa) ** 2),
    high: difference + Math.sqrt((wb.high - pb) ** 2 + (pa - wa.low) ** 2),
  };
}

/** Which metric an arm pair is judged on: the one with more ratings (numeric scores on a tie). */
export function metricOf(base: ArmTotals, candidate: ArmTotals): Metric {
  const thumbs = base.ups + base.downs + candidate.ups + candidate.downs;
  return thumbs > base.count + candidate.count ? "thumbs" : "score";
}

const signed = (x: number, digits: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(digits)}`;

/**
 * Whether `candidate` is rated better than `base` at 95 % confidence, on numeric scores or thumbs
 * (metricOf when not given), with the interval of candidate − base and a sentence for the page:
 * "v7 is better than v6 with 95 % confidence", "Not enough data yet: 12 ratings for v7, at least
 * 30 needed".
 */
export function compareArms(base: ArmTotals, candidate: ArmTotals, opts: { metric?: Metric } = {}): Comparison {
  const metric = opts.metric ?? metricOf(base, candidate);
  const nOf = (arm: ArmTotals) => (metric === "score" ? arm.count : arm.ups + arm.downs);
  const short = [candidate, base].filter((arm) => nOf(arm) < MIN_RATINGS);
  const common = { metric, confidence: CONFIDENCE } as const;
  if (short.length > 0) {
    const counts = short.map((arm) => `${nOf(arm)} rating${nOf(arm) === 1 ? "" : "s"} for v${arm.version}`);
    return {
      ...common,
      verdict: "not-enough-data",
      difference: nOf(base) > 0 && nOf(candidate) > 0 ? difference(metric, base, candidate) : null,
      interval: null,
      sentence: `Not enough data yet: ${counts.join(" and ")}, at least ${MIN_RATINGS} needed.`,
    };
  }
  const found =
    metric === "score"
      ? welchInterval(
          { n: base.count, mean: base.sum / base.count, variance: variance(base.count, base.sum, base.sumSquares) },
          {
            n: candidate.count,
            mean: candidate.sum / candidate.count,
            variance: variance(candidate.count, candidate.sum, candidate.sumSquares),
          },
        )
      : newcombeInterval(
          { ups: base.ups, n: base.ups + base.downs },
          { ups: candidate.ups, n: candidate.ups + candidate.downs },
        );
  const interval = { low: found.low, high: found.high };
  const [c, b] = [`v${candidate.version}`, `v${base.version}`];
  const what = metric === "score" ? "mean score" : "thumbs-up rate";
  if (found.low > 0 || found.high < 0) {
    const verdict = found.low > 0 ? "better" : "worse";
    return {
      ...common,
      verdict,
      difference: found.difference,
      interval,
      sentence: `${c} is ${verdict} than ${b} with 95 % confidence (${what}).`,
    };
  }
  const digits = metric === "score" ? 2 : 3;
  return {
    ...common,
    verdict: "no-difference-yet",
    difference: found.difference,
    interval,
    sentence: `No difference between ${c} and ${b} yet at 95 % confidence (${what}, ${c} − ${b}: ${signed(found.low, digits)} to ${signed(found.high, digits)}).`,
  };
}

function difference(metric: Metric, base: ArmTotals, candidate: ArmTotals): number {
  return metric === "score"
    ? candidate.sum / candidate.count - base.sum / base.count
    : candidate.ups / (candidate.ups + candidate.downs) - base.ups / (base.ups + base.downs);
}
