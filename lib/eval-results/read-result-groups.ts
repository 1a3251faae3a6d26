import { db } from "@/lib/db";
import type { ResultGroup } from "@/lib/eval-results/summarize-columns";

/** The columns' results grouped by status and verdict: everything a column's aggregate needs, in one query. */
export async function readResultGroups(opts: { columnIds: string[] }): Promise<ResultGroup[]> {
  if (opts.columnIds.length === 0) return [];
  const groups = await db.evalResult.groupBy({
    by: ["columnId", "status", "pass"],
    where: { columnId: { in: opts.columnIds } },
    _count: { _all: true, score: true, latencyMs: true },
    _sum: { score: true, latencyMs: true, costUsd: true, inputTokens: true, outputTokens: true },
  });
  return groups.map((g) => ({
    columnId: g.columnId,
    status: g.status,
    pass: g.pass,
    count: g._count._all,
    scoreSum: g._sum.score ?? 0,
    scoreCount: g._count.score,
    latencySum: g._sum.latencyMs ?? 0,
    latencyCount: g._count.latencyMs,
    costUsd: g._sum.costUsd ?? 0,
    inputTokens: g._sum.inputTokens ?? 0,
    outputTokens: g._sum.outputTokens ?? 0,
  }));
}
