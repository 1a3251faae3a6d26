import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { liveEvalRunStatuses, type EvalRunStatus, type ListEvalRunsInput } from "@/lib/validations/eval-results";

export type EvalRunListItem = {
  number: number;
  status: EvalRunStatus;
  promptName: string;
  dataset: { name: string; version: number; versionId: string };
  source: string;
  /** The columns' labels and, once finished, their stored pass rates. */
  columns: Array<{ role: string; label: string; passRate: number | null }>;
  progress: { total: number; done: number; failed: number };
  createdAt: string;
  finishedAt: string | null;
};

export const EVAL_RUNS_PAGE = 25;

/**
 * A project's eval runs, newest first, 25 at a time (`before` = the last number seen), filtered by
 * prompt name (part of it) and status. Progress of queued and running runs is counted from their
 * results, the work items themselves, so the list and the run page never disagree.
 */
export async function listEvalRuns(opts: {
  projectId: string;
  filter: ListEvalRunsInput;
}): Promise<{ runs: EvalRunListItem[]; nextBefore: number | null }> {
  const f = opts.filter;
  const where: Prisma.EvalRunWhereInput = {
    projectId: opts.projectId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.prompt ? { prompt: { name: { contains: f.prompt.toLowerCase() } } } : {}),
    ...(f.before ? { number: { lt: f.before } } : {}),
  };
  const found = await db.evalRun.findMany({
    where,
    orderBy: { number: "desc" },
    take: EVAL_RUNS_PAGE + 1,
    include: {
      prompt: { select: { name: true } },
      datasetVersion: { select: { id: true, number: true, dataset: { select: { name: true } } } },
      columns: { orderBy: { position: "asc" }, select: { role: true, label: true, passRate: true } },
    },
  });
  const page = found.slice(0, EVAL_RUNS_PAGE);
  const live = page.filter((r) => liveEvalRunStatuses.includes(r.status as EvalRunStatus)).map((r) => r.id);
  const counts = live.length
    ? await db.evalResult.groupBy({
        by: ["runId", "status"],
        where: { runId: { in: live } },
        _count: { _all: true },
      })
    : [];
  const counted = (runId: string, status: string) =>
    counts.find((c) => c.runId === runId && c.status === status)?._count._all ?? 0;
  return {
    runs: page.map((r) => {
      const isLive = live.includes(r.id);
      return {
        number: r.number,
        status: r.status as EvalRunStatus,
        promptName: r.prompt.name,
        dataset: {
          name: r.datasetVersion.dataset.name,
          version: r.datasetVersion.number,
          versionId: r.datasetVersion.id,
        },
        source: r.source,
        columns: r.columns,
        progress: {
          total: r.totalItems,
          done: isLive ? counted(r.id, "done") : r.doneItems,
          failed: isLive ? counted(r.id, "error") : r.failedItems,
        },
        createdAt: r.createdAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
      };
    }),
    nextBefore: found.length > EVAL_RUNS_PAGE ? page[page.length - 1]!.number : null,
  };
}
