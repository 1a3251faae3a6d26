// What a release's arms served and how users rated them, read straight from UsageCount and
// Feedback. The one module the Releases page reads outcomes through: when lib/outcomes lands
// (usageSeries, feedbackByArm, compareArms), this file becomes a thin call to it.
import { db } from "@/lib/db";
import { MAX_ARMS } from "@/lib/releases/arms";

/** Requests per arm in one time bucket (`at` is the bucket's start, ISO). */
export type UsagePoint = { at: string; counts: Record<string, number> };

export type UsageSeries = {
  /** Bucket width in minutes (1, 5, 15, 60 or 1440): the series never has more than MAX_POINTS buckets. */
  bucketMinutes: number;
  points: UsagePoint[];
  /** Requests per arm (version → count) over the whole release. */
  totals: Record<string, number>;
};

/** Feedback on one arm of a release. */
export type ArmFeedback = {
  version: number;
  count: number;
  /** Mean score over every rating (thumbs count as ±1); null without any. */
  mean: number | null;
  thumbsUp: number;
  thumbsDown: number;
  /** thumbsUp / (thumbsUp + thumbsDown), or null without thumbs. */
  thumbsUpRate: number | null;
};

const MAX_POINTS = 240;
const BUCKETS = [1, 5, 15, 60, 1440];

/** The narrowest bucket that keeps the span within MAX_POINTS buckets. */
export function bucketFor(from: Date, to: Date): number {
  const minutes = Math.max(1, (to.getTime() - from.getTime()) / 60_000);
  return BUCKETS.find((b) => minutes / b <= MAX_POINTS) ?? BUCKETS[BUCKETS.length - 1]!;
}

export async function readReleaseOutcomes(opts: {
  projectId: string;
  releaseId: string;
  versions: number[];
  from: Date;
  to: Date;
}): Promise<{ usage: UsageSeries; feedback: ArmFeedback[] }> {
  const bucketMinutes = bucketFor(opts.from, opts.to);
  const interval = `${bucketMinutes} minutes`;
  const [usageRows, feedbackRows] = await Promise.all([
    db.$queryRaw<Array<{ at: Date; version: number; count: bigint }>>`
      SELECT date_bin(${interval}::interval, "minute", TIMESTAMP '2000-01-01') AS at, "version", SUM("count")::bigint AS count
      FROM "UsageCount"
      WHERE "projectId" = ${opts.projectId} AND "releaseId" = ${opts.releaseId}
      GROUP BY 1, 2 ORDER BY 1 DESC LIMIT ${MAX_POINTS * MAX_ARMS}`,
    db.$queryRaw<Array<{ version: number; count: bigint; mean: number | null; up: bigint; down: bigint }>>`
      SELECT "version", COUNT(*)::bigint AS count, AVG("score")::float8 AS mean,
        COUNT(*) FILTER (WHERE "kind" = 'thumbs' AND "score" > 0)::bigint AS up,
        COUNT(*) FILTER (WHERE "kind" = 'thumbs' AND "score" < 0)::bigint AS down
      FROM "Feedback"
      WHERE "projectId" = ${opts.projectId} AND "releaseId" = ${opts.releaseId}
      GROUP BY 1`,
  ]);
  const points = new Map<string, UsagePoint>();
  const totals: Record<string, number> = Object.fromEntries(opts.versions.map((v) => [String(v), 0]));
  // Newest first so a bound cuts the oldest buckets (a clock-skewed instance can widen the span).
  for (const row of usageRows.reverse()) {
    const at = row.at.toISOString();
    const point = points.get(at) ?? { at, counts: {} };
    point.counts[String(row.version)] = Number(row.count);
    points.set(at, point);
    totals[String(row.version)] = (totals[String(row.version)] ?? 0) + Number(row.count);
  }
  const byVersion = new Map(feedbackRows.map((r) => [r.version, r]));
  const versions = [...new Set([...opts.versions, ...byVersion.keys()])];
  return {
    usage: { bucketMinutes, points: [...points.values()], totals },
    feedback: versions.map((version) => {
      const row = byVersion.get(version);
      const up = Number(row?.up ?? 0);
      const down = Number(row?.down ?? 0);
      return {
        version,
        count: Number(row?.count ?? 0),
        mean: row?.mean ?? null,
        thumbsUp: up,
        thumbsDown: down,
        thumbsUpRate: up + down ? up / (up + down) : null,
      };
    }),
  };
}
