import { db } from "@/lib/db";
import { bucketLatencies, type LatencyBucket } from "@/lib/eval-results/bucket-latencies";
import type { EvaluatorSnapshot } from "@/lib/eval-results/get-eval-run-or-throw";
import { Prisma } from "@/lib/generated/prisma/client";

export type EvaluatorPassRate = {
  evaluatorId: string;
  name: string;
  /** Pass rate (0–1) per column id; null where the evaluator scored no row of that column yet. */
  byColumn: Record<string, number | null>;
};

export type RunCharts = { evaluatorPassRates: EvaluatorPassRate[]; latency: LatencyBucket[] };

/**
 * What the run page charts: each evaluator's pass rate per column (from the per-evaluator verdicts
 * stored on each result) and one latency histogram over every column's rows.
 */
export async function readRunCharts(opts: {
  columnIds: string[];
  evaluators: EvaluatorSnapshot[];
}): Promise<RunCharts> {
  if (opts.columnIds.length === 0) return { evaluatorPassRates: [], latency: [] };
  const columns = Prisma.join(opts.columnIds);
  const [verdicts, latency] = await Promise.all([
    db.$queryRaw<Array<{ columnId: string; evaluatorId: string | null; passed: number; scored: number }>>`
      SELECT e."columnId", s->>'evaluatorId' AS "evaluatorId",
             count(*) FILTER (WHERE s->>'pass' = 'true')::int AS passed, count(*)::int AS scored
      FROM "EvalResult" e CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(e.scores) = 'array' THEN e.scores ELSE '[]'::jsonb END) s
      WHERE e."columnId" IN (${columns}) AND e.status = 'done'
      GROUP BY 1, 2`,
    readLatencyHistogram(opts.columnIds),
  ]);
  const evaluatorPassRates = opts.evaluators.map((evaluator) => ({
    evaluatorId: evaluator.id,
    name: evaluator.name,
    byColumn: Object.fromEntries(
      opts.columnIds.map((columnId) => {
        const v = verdicts.find((x) => x.columnId === columnId && x.evaluatorId === evaluator.id);
        return [columnId, v && v.scored > 0 ? v.passed / v.scored : null];
      }),
    ),
  }));
  return {
    evaluatorPassRates,
    latency,
  };
}

// Counted in the database: a run page polls this every 2 s, and reading 20,000 latencies to count
// them here took most of that request's time on PGlite.
async function readLatencyHistogram(columnIds: string[]): Promise<LatencyBucket[]> {
  const columns = Prisma.join(columnIds);
  const [range] = await db.$queryRaw<Array<{ min: number | null; max: number | null }>>`
    SELECT min("latencyMs")::int AS min, max("latencyMs")::int AS max
    FROM "EvalResult" WHERE "columnId" IN (${columns}) AND "latencyMs" IS NOT NULL`;
  if (!range || range.min === null || range.max === null) return [];
  const { layout, buckets } = bucketLatencies({ minMs: range.min, maxMs: range.max, columnIds });
  const counted = await db.$queryRaw<Array<{ columnId: string; bucket: number; rows: number }>>`
    SELECT "columnId",
      LEAST(floor(("latencyMs" - ${layout.startMs}::float8) / ${layout.widthMs}::float8), ${layout.count - 1}::int)::int AS bucket,
      count(*)::int AS rows
    FROM "EvalResult" WHERE "columnId" IN (${columns}) AND "latencyMs" IS NOT NULL
    GROUP BY 1, 2`;
  for (const c of counted) {
    const bucket = buckets[c.bucket];
    if (bucket) bucket.counts[c.columnId] = (bucket.counts[c.columnId] ?? 0) + c.rows;
  }
  return buckets;
}
