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
  const [verdicts, latencies] = await Promise.all([
    db.$queryRaw<Array<{ columnId: string; evaluatorId: string | null; passed: number; scored: number }>>`
      SELECT e."columnId", s->>'evaluatorId' AS "evaluatorId",
             count(*) FILTER (WHERE s->>'pass' = 'true')::int AS passed, count(*)::int AS scored
      FROM "EvalResult" e CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(e.scores) = 'array' THEN e.scores ELSE '[]'::jsonb END) s
      WHERE e."columnId" IN (${columns}) AND e.status = 'done'
      GROUP BY 1, 2`,
    db.evalResult.findMany({
      where: { columnId: { in: opts.columnIds }, latencyMs: { not: null } },
      select: { columnId: true, latencyMs: true },
    }),
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
    latency: bucketLatencies({
      latencies: latencies.map((l) => ({ columnId: l.columnId, latencyMs: l.latencyMs! })),
      columnIds: opts.columnIds,
    }),
  };
}
