import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { scopeCondition, type OutcomeScope } from "@/lib/outcomes/outcome-scope";

export type UsageBucket = "minute" | "hour" | "day";

/** The most points a series has (one per bucket), so a chart stays readable and the answer small. */
export const MAX_SERIES_POINTS = 500;

const BUCKET_MS: Record<UsageBucket, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Buckets from the one holding `from` (rounded down, UTC) to the one holding the last instant before `to`. */
const pointsOf = (from: Date, to: Date, bucket: UsageBucket) => {
  const size = BUCKET_MS[bucket];
  return Math.ceil(to.getTime() / size) - Math.floor(from.getTime() / size);
};

/** The finest bucket that covers [from, to) in at most MAX_SERIES_POINTS points, or null when days do not. */
export function bucketFor(from: Date, to: Date): UsageBucket | null {
  return (["minute", "hour", "day"] as const).find((b) => pointsOf(from, to, b) <= MAX_SERIES_POINTS) ?? null;
}

export type UsageSeries = {
  bucket: UsageBucket;
  /** The first bucket's start (from, rounded down to the bucket, UTC). */
  start: Date;
  /** One entry per version that served in the range; counts[i] is bucket i (start + i buckets), zeros included. */
  series: Array<{ version: number; total: number; counts: number[] }>;
};

/**
 * Requests served per version per bucket over [from, to), from UsageCount (so without the last
 * GALLEY_USAGE_FLUSH_MS, still in memory), in one GROUP BY. The bucket is chosen so a series has
 * at most 500 points: minutes up to 500 minutes, hours up to ~21 days, days up to 500 days; a
 * longer range is refused (422). Buckets are UTC.
 */
export async function usageSeries(opts: OutcomeScope & { from: Date; to: Date }): Promise<UsageSeries> {
  const { from, to } = opts;
  if (!(from.getTime() < to.getTime()))
    throw new AppError({ code: "validation_failed", message: "from must be before to." });
  const bucket = bucketFor(from, to);
  if (bucket === null)
    throw new AppError({ code: "validation_failed", message: `Ask for at most ${MAX_SERIES_POINTS} days at a time.` });
  const size = BUCKET_MS[bucket];
  const start = new Date(from.getTime() - (from.getTime() % size));
  const points = pointsOf(from, to, bucket);
  const rows = await db.$queryRaw<Array<{ version: number; at: Date; count: bigint }>>`
    SELECT "version", date_trunc(${bucket}::text, "minute") AS "at", sum("count")::bigint AS "count"
    FROM "UsageCount"
    WHERE ${scopeCondition(opts)}
      AND "minute" >= ${from.toISOString()}::timestamp(3) AND "minute" < ${to.toISOString()}::timestamp(3)
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  const byVersion = new Map<number, { version: number; total: number; counts: number[] }>();
  for (const row of rows) {
    let entry = byVersion.get(row.version);
    if (!entry) byVersion.set(row.version, (entry = { version: row.version, total: 0, counts: Array(points).fill(0) }));
    const index = Math.floor((asUtc(row.at) - start.getTime()) / size);
    const count = Number(row.count);
    if (index >= 0 && index < points) entry.counts[index] = entry.counts[index]! + count;
    entry.total += count;
  }
  return { bucket, start, series: [...byVersion.values()] };
}

// A timestamp without time zone comes back as a Date read as UTC by Prisma's drivers; a string is
// possible from a raw query on some adapters, so read both.
const asUtc = (at: Date | string) =>
  at instanceof Date ? at.getTime() : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : `${at}Z`).getTime();
