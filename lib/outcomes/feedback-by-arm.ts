import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArmTotals } from "@/lib/outcomes/arm-stats";
import { scopeCondition, type OutcomeScope } from "@/lib/outcomes/outcome-scope";

/**
 * Feedback per version, in one GROUP BY: numeric scores as count, sum and sum of squares, thumbs as
 * ups and downs (what lib/outcomes/arm-stats needs for means, rates and their intervals). Only rows
 * written so far: up to GALLEY_USAGE_FLUSH_MS of the newest may still be in memory. `since`: only
 * feedback received from then on. Versions without feedback are absent; ordered by version.
 */
export async function feedbackByArm(opts: OutcomeScope & { since?: Date }): Promise<ArmTotals[]> {
  const since = opts.since ? Prisma.sql`AND "createdAt" >= ${opts.since.toISOString()}::timestamp(3)` : Prisma.empty;
  const rows = await db.$queryRaw<
    Array<{ version: number; count: bigint; sum: number; sumSquares: number; ups: bigint; downs: bigint }>
  >`
    SELECT "version",
      count(*) FILTER (WHERE "kind" = 'number') AS "count",
      coalesce(sum("score") FILTER (WHERE "kind" = 'number'), 0)::float8 AS "sum",
      coalesce(sum("score" * "score") FILTER (WHERE "kind" = 'number'), 0)::float8 AS "sumSquares",
      count(*) FILTER (WHERE "kind" = 'thumbs' AND "score" > 0) AS "ups",
      count(*) FILTER (WHERE "kind" = 'thumbs' AND "score" < 0) AS "downs"
    FROM "Feedback"
    WHERE ${scopeCondition(opts)} ${since}
    GROUP BY "version"
    ORDER BY "version"`;
  return rows.map((row) => ({
    version: row.version,
    count: Number(row.count),
    sum: Number(row.sum),
    sumSquares: Number(row.sumSquares),
    ups: Number(row.ups),
    downs: Number(row.downs),
  }));
}
