// What a release's arms served and how users rated them, for the Releases page: lib/outcomes'
// usageSeries and feedbackByArm, in the shapes the page draws, with each arm's 95 % intervals and
// its verdict against the base (compareArms).
import {
  compareArms,
  meanScore,
  thumbsUpRate,
  type ArmTotals,
  type Comparison,
  type Estimate,
} from "@/lib/outcomes/arm-stats";
import { feedbackByArm } from "@/lib/outcomes/feedback-by-arm";
import { MAX_SERIES_POINTS, usageSeries, type UsageBucket } from "@/lib/outcomes/usage-series";

/** Requests per arm in one time bucket (`at` is the bucket's start, ISO). */
export type UsagePoint = { at: string; counts: Record<string, number> };

export type UsageSeries = {
  /** Bucket width in minutes (1, 60 or 1440): a series has at most 500 buckets. */
  bucketMinutes: number;
  points: UsagePoint[];
  /** Requests per arm (version → count) over the whole release. */
  totals: Record<string, number>;
};

/** Feedback on one arm of a release: numeric scores and thumbs, each with its 95 % interval. */
export type ArmFeedback = {
  version: number;
  /** Ratings of either kind. */
  count: number;
  /** Mean of the numeric scores (thumbs are counted apart). */
  mean: Estimate;
  thumbsUp: number;
  thumbsDown: number;
  thumbsUpRate: Estimate;
};

/** A candidate arm against the base arm: the verdict and its sentence ("v7 is better than v6 with 95 % confidence …"). */
export type ArmVerdict = { version: number; comparison: Comparison };

const MINUTES: Record<UsageBucket, number> = { minute: 1, hour: 60, day: 1440 };
const MINUTE = 60_000;
const DAY = 86_400_000;
const empty = (version: number): ArmTotals => ({ version, count: 0, sum: 0, sumSquares: 0, ups: 0, downs: 0 });

export async function readReleaseOutcomes(opts: {
  projectId: string;
  releaseId: string;
  baseVersion: number;
  versions: number[];
  from: Date;
  to: Date;
}): Promise<{ usage: UsageSeries; feedback: ArmFeedback[]; verdicts: ArmVerdict[] }> {
  const scope = { projectId: opts.projectId, releaseId: opts.releaseId };
  // Counts are stored per whole minute: from the minute the release started (its first requests
  // are counted there) to the one after it ended (or now), at most the last 499 days (lib/outcomes
  // refuses more than 500 buckets of a day).
  const to = new Date((Math.floor(opts.to.getTime() / MINUTE) + 1) * MINUTE);
  const from = new Date(
    Math.max(Math.floor(opts.from.getTime() / MINUTE) * MINUTE, to.getTime() - (MAX_SERIES_POINTS - 1) * DAY),
  );
  const [series, totals] = await Promise.all([usageSeries({ ...scope, from, to }), feedbackByArm(scope)]);
  const size = MINUTES[series.bucket] * MINUTE;
  const points: UsagePoint[] = [];
  const length = Math.max(0, ...series.series.map((s) => s.counts.length));
  for (let i = 0; i < length; i++)
    points.push({
      at: new Date(series.start.getTime() + i * size).toISOString(),
      counts: Object.fromEntries(series.series.map((s) => [String(s.version), s.counts[i] ?? 0])),
    });
  const byVersion = new Map(totals.map((t) => [t.version, t]));
  const versions = [...new Set([...opts.versions, ...byVersion.keys(), ...series.series.map((s) => s.version)])];
  const arm = (version: number) => byVersion.get(version) ?? empty(version);
  return {
    usage: {
      bucketMinutes: MINUTES[series.bucket],
      points,
      totals: Object.fromEntries(
        versions.map((v) => [String(v), series.series.find((s) => s.version === v)?.total ?? 0]),
      ),
    },
    feedback: versions.map((version) => {
      const t = arm(version);
      return {
        version,
        count: t.count + t.ups + t.downs,
        mean: meanScore(t),
        thumbsUp: t.ups,
        thumbsDown: t.downs,
        thumbsUpRate: thumbsUpRate(t),
      };
    }),
    verdicts: versions
      .filter((v) => v !== opts.baseVersion)
      .map((version) => ({ version, comparison: compareArms(arm(opts.baseVersion), arm(version)) })),
  };
}
