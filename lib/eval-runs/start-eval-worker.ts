import "server-only";

import { db, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { claimEvalItems, type EvalItem } from "@/lib/eval-runs/claim-eval-items";
import { commitEvalResult, type EvalOutcome } from "@/lib/eval-runs/commit-eval-result";
import { errorOutcome } from "@/lib/eval-runs/error-outcome";
import { registerEvalWorker } from "@/lib/eval-runs/eval-worker-hooks";
import { finishEvalRun } from "@/lib/eval-runs/finish-eval-run";
import { loadEvalRunContext, type EvalRunContext } from "@/lib/eval-runs/load-eval-run-context";
import { rescheduleEvalItem } from "@/lib/eval-runs/reschedule-eval-item";
import { runEvalItem, type EvalRow } from "@/lib/eval-runs/run-eval-item";
import { createLimiter, type Limiter } from "@/lib/jobs/create-limiter";
import { retryDelay } from "@/lib/jobs/retry-delay";
import { startJobWorker, type JobWorker } from "@/lib/jobs/start-job-worker";
import { log } from "@/lib/log";

/** A row is tried this many times (429s, 5xx, timeouts) before it becomes the row's error. */
export const EVAL_MAX_ATTEMPTS = 5;
export const EVAL_RETRY_BASE_MS = 1000;
export const EVAL_RETRY_MAX_MS = 5 * 60_000;

export type EvalWorkerOptions = {
  /** A second client stands in for a second instance in tests. */
  client?: Db;
  /** Requests in flight per provider (GALLEY_EVAL_CONCURRENCY). */
  concurrency?: number;
  /** GALLEY_EVAL_ROW_TIMEOUT_MS. */
  rowTimeoutMs?: number;
  intervalMs?: number;
  /** How long a claim holds a row; default: twice the row timeout and a minute (a row may wait one turn for a slot). */
  leaseMs?: number;
  maxAttempts?: number;
  /**
   * Free every lease at start: right only when no other process can hold one, as on the embedded
   * database (one process per data folder, locked), where a lease left behind is a crashed run's and
   * would otherwise keep its rows waiting for the whole lease.
   */
  releaseLeasesAtStart?: boolean;
};

export type EvalWorker = JobWorker & {
  /** Outcomes this worker wrote (scored rows and rows given up on). */
  written: () => number;
};

type Job = EvalItem & { row: EvalRow | null };

/**
 * The eval worker, one per instance (server.ts): claims pending items (lib/jobs), runs each through
 * the model and the run's evaluators, and commits its outcome guarded by its claim. Instances share
 * the queue; a restarted one picks up what is pending and what a dead one held once its lease ends.
 * The last item of a run closes it with each column's pass rate and mean score.
 */
export function startEvalWorker(opts: EvalWorkerOptions = {}): EvalWorker {
  const env = getEnv();
  const client = opts.client ?? db;
  const concurrency = opts.concurrency ?? env.GALLEY_EVAL_CONCURRENCY;
  const rowTimeoutMs = opts.rowTimeoutMs ?? env.GALLEY_EVAL_ROW_TIMEOUT_MS;
  const leaseMs = opts.leaseMs ?? rowTimeoutMs * 2 + 60_000;
  const maxAttempts = opts.maxAttempts ?? EVAL_MAX_ATTEMPTS;
  const contexts = new Map<string, Promise<EvalRunContext>>();
  const limiters = new Map<string, Limiter>();
  const inFlight = new Map<string, Set<AbortController>>();
  const started = new Set<string>();
  let written = 0;
  let lastCancelCheck = 0;

  const contextOf = (runId: string) => {
    let context = contexts.get(runId);
    if (!context) {
      context = loadEvalRunContext({ runId, client });
      contexts.set(runId, context);
      context.catch(() => contexts.delete(runId));
    }
    return context;
  };
  const limiterOf = (key: string) => {
    let limiter = limiters.get(key);
    if (!limiter) limiters.set(key, (limiter = createLimiter({ limit: concurrency })));
    return limiter;
  };
  const abortRun = (runId: string) => {
    for (const controller of inFlight.get(runId) ?? []) controller.abort();
    contexts.delete(runId);
  };

  const claim = async ({ limit }: { limit: number }): Promise<Job[]> => {
    const items = await claimEvalItems({ limit, leaseMs, client });
    if (!items.length) return [];
    const newRuns = [...new Set(items.map((i) => i.runId))].filter((id) => !started.has(id));
    if (newRuns.length) {
      await client.evalRun.updateMany({
        where: { id: { in: newRuns }, status: "queued" },
        data: { status: "running", startedAt: new Date() },
      });
      for (const id of newRuns) started.add(id);
    }
    const rows = await client.datasetRow.findMany({
      where: { id: { in: [...new Set(items.map((i) => i.rowId))] } },
      select: { id: true, values: true, expected: true, metadata: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return items.map((item) => ({ ...item, row: byId.get(item.rowId) ?? null }));
  };

  const commit = async (job: Job, outcome: EvalOutcome) => {
    const result = await commitEvalResult({ itemId: job.id, lockToken: job.lockToken, outcome, client });
    if (!result.written) return;
    written++;
    if (result.doneItems + result.failedItems >= result.totalItems) {
      await finishEvalRun({ runId: job.runId, status: "finished", client });
      contexts.delete(job.runId);
      started.delete(job.runId);
    }
  };

  const process = async (job: Job) => {
    let context: EvalRunContext;
    try {
      context = await contextOf(job.runId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The run cannot go on at all (its provider was deleted): one error for the run, not one per row.
      await finishEvalRun({ runId: job.runId, status: "failed", error: error.message, client });
      return;
    }
    const column = context.columns.get(job.columnId);
    if (!job.row || !column) return commit(job, errorOutcome("This dataset row no longer exists."));
    const controller = new AbortController();
    const running = inFlight.get(job.runId) ?? new Set();
    inFlight.set(job.runId, running.add(controller));
    try {
      const decision = await runEvalItem({
        context,
        column,
        row: job.row,
        cancel: controller.signal,
        rowTimeoutMs,
        limiter: limiterOf(context.providerKey),
      });
      if (decision.kind === "abandoned") return;
      if (decision.kind === "commit") return await commit(job, decision.outcome);
      const attempts = job.attempts + 1;
      if (attempts >= maxAttempts)
        return await commit(job, errorOutcome(`Gave up after ${attempts} attempts: ${decision.error}`));
      const delay = retryDelay({
        attempts,
        baseMs: EVAL_RETRY_BASE_MS,
        maxMs: EVAL_RETRY_MAX_MS,
        retryAfterMs: decision.retryAfterMs,
      });
      const rescheduled = await rescheduleEvalItem({
        itemId: job.id,
        lockToken: job.lockToken,
        nextAttemptAt: new Date(Date.now() + delay),
        error: decision.error,
        client,
      });
      // This instance comes back for it on time; others find it on their ticks.
      if (rescheduled) setTimeout(worker.nudge, delay + 5).unref();
    } finally {
      running.delete(controller);
      if (!running.size) inFlight.delete(job.runId);
    }
  };

  // Cancels made on another instance reach this one by polling, at most twice a second.
  const noticeCancels = async () => {
    if (!inFlight.size || Date.now() - lastCancelCheck < 500) return;
    lastCancelCheck = Date.now();
    const stopped = await client.evalRun.findMany({
      where: { id: { in: [...inFlight.keys()] }, status: { notIn: ["queued", "running"] } },
      select: { id: true },
    });
    for (const run of stopped) abortRun(run.id);
  };

  // Released before the first claim: the worker's first tick waits for it.
  const released = opts.releaseLeasesAtStart
    ? // A plain promise, so the statement runs once however many claims wait for it.
      Promise.resolve().then(
        () => client.$executeRaw`
        UPDATE "EvalResult" SET "lockedUntil" = NULL, "lockToken" = NULL
        WHERE "status" = 'pending' AND "lockedUntil" IS NOT NULL`,
      )
    : Promise.resolve(0);
  const worker = startJobWorker<Job>({
    name: "eval worker",
    intervalMs: opts.intervalMs ?? 1000,
    // Twice the provider limit in flight: while one provider's slots are busy, rows for another can start.
    concurrency: concurrency * 2,
    // …and refilled half at a time, while the other half keeps the provider busy.
    batch: concurrency,
    claim: async (batch) => {
      await released;
      return claim(batch);
    },
    process,
    beforeClaim: noticeCancels,
  });
  const unregister = registerEvalWorker({ nudge: worker.nudge, cancel: abortRun });
  log.debug("eval worker started", { concurrency, rowTimeoutMs });
  return {
    ...worker,
    written: () => written,
    stop: async () => {
      unregister();
      await worker.stop();
    },
  };
}
