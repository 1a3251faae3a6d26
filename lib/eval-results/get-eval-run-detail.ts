import { db } from "@/lib/db";
import { estimateEta, ETA_SAMPLE } from "@/lib/eval-results/estimate-eta";
import { getEvalRunOrThrow, type EvaluatorSnapshot } from "@/lib/eval-results/get-eval-run-or-throw";
import { readResultGroups } from "@/lib/eval-results/read-result-groups";
import { readRunCharts, type RunCharts } from "@/lib/eval-results/read-run-charts";
import { summarizeColumns, type ColumnSummary } from "@/lib/eval-results/summarize-columns";
import { liveEvalRunStatuses, type EvalRunStatus } from "@/lib/validations/eval-results";

export type EvalRunProgress = {
  total: number;
  /** Rows scored (every column of the row may still be counted separately: these are results). */
  done: number;
  failed: number;
  /** Results left unrun when the run was cancelled or failed. */
  skipped: number;
  remaining: number;
  /** Milliseconds until done at the recent pace; null when finished or not yet measurable. */
  etaMs: number | null;
};

export type EvalRunDetail = {
  run: {
    number: number;
    status: EvalRunStatus;
    error: string | null;
    source: string;
    reviewId: string | null;
    cancelRequested: boolean;
    prompt: { id: string; name: string };
    dataset: { id: string; name: string; version: number; versionId: string; rowCount: number };
    evaluators: EvaluatorSnapshot[];
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
  };
  columns: Array<{
    id: string;
    position: number;
    role: string;
    label: string;
    version: number | null;
    environmentSlug: string | null;
    summary: ColumnSummary;
  }>;
  progress: EvalRunProgress;
  charts: RunCharts;
};

/**
 * What the run page shows and polls: the run, each column's aggregate with its delta against the
 * baseline, progress with an ETA, and the charts' numbers. Progress counts results (one per column
 * × row), so "done" moves as each cell is committed, not only when a whole row is.
 */
export async function getEvalRunDetail(opts: {
  projectId: string;
  number: number;
  now?: Date;
}): Promise<EvalRunDetail> {
  const run = await getEvalRunOrThrow(opts);
  const columnIds = run.columns.map((c) => c.id);
  const live = liveEvalRunStatuses.includes(run.status as EvalRunStatus);
  const [groups, charts, recent] = await Promise.all([
    readResultGroups({ columnIds }),
    readRunCharts({ columnIds, evaluators: run.evaluators }),
    live
      ? db.evalResult.findMany({
          where: { runId: run.id, finishedAt: { not: null } },
          orderBy: { finishedAt: "desc" },
          take: ETA_SAMPLE,
          select: { finishedAt: true },
        })
      : Promise.resolve([]),
  ]);
  const summaries = summarizeColumns({ columns: run.columns, groups, stored: run.status === "finished" });
  const count = (status: string) => groups.filter((g) => g.status === status).reduce((n, g) => n + g.count, 0);
  const done = count("done");
  const failed = count("error");
  const skipped = count("cancelled");
  // The engine may create results lazily; totalItems is what it promised to do.
  const total = Math.max(run.totalItems, done + failed + skipped + count("pending"));
  const remaining = Math.max(total - done - failed - skipped, 0);
  return {
    run: {
      number: run.number,
      status: run.status as EvalRunStatus,
      error: run.error,
      source: run.source,
      reviewId: run.reviewId,
      cancelRequested: run.cancelRequested,
      prompt: run.prompt,
      dataset: {
        id: run.datasetVersion.dataset.id,
        name: run.datasetVersion.dataset.name,
        version: run.datasetVersion.number,
        versionId: run.datasetVersion.id,
        rowCount: run.datasetVersion.rowCount,
      },
      evaluators: run.evaluators,
      createdAt: run.createdAt.toISOString(),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    },
    columns: run.columns.map((c, i) => ({
      id: c.id,
      position: c.position,
      role: c.role,
      label: c.label,
      version: c.version,
      environmentSlug: c.environmentSlug,
      summary: summaries[i]!,
    })),
    progress: {
      total,
      done,
      failed,
      skipped,
      remaining,
      etaMs: live
        ? estimateEta({ recentFinishes: recent.map((r) => r.finishedAt!), remaining, now: opts.now ?? new Date() })
        : null,
    },
    charts,
  };
}
