import "server-only";

import { db, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { claimEvalItems, type EvalItem } from "@/lib/eval-runs/claim-eval-items";
import {
  commitEvalResults,
  type CommitResult,
  type EvalCommit,
  type EvalOutcome,
} from "@/lib/eval-runs/commit-eval-results";
import { errorOutcome } from "@/lib/eval-runs/error-outcome";
import { registerEvalWorker } from "@/lib/eval-runs/eval-worker-hooks";
import { finishEvalRun } from "@/lib/eval-runs/finish-eval-run";
import { loadEvalRunContext, type EvalRunContext } from "@/lib/eval-runs/load-eval-run-context";
import { rescheduleEvalItem } from "@/lib/eval-runs/reschedule-eval-item";
import { runEvalItem } from "@/lib/eval-runs/run-eval-item";
import { createBatcher } from "@/lib/jobs/create-batcher";
import { createLimiter, type Limiter } from "@/lib/jobs/create-limiter";
import { retryDelay } from "@/lib/jobs/retry-delay";
import { startJobWorker, type JobWorker } from "@/lib/jobs/start-job-worker";
import { log } from "@/lib/log";

/** A row is tried this many times (429s, 5xx, timeouts) before it becomes the row's error. */
export const EVAL_MAX_ATTEMPTS = 5;
export const EVAL_RETRY_BASE_MS = 1000;
export const EVAL_RETRY_MAX_MS = 5 * 60_000;
/** On the embedded database a statement costs ~2 ms of the one thread it shares with the engine, whatever it writes. */
export const EVAL_COMMIT_INTERVAL_MS = 50;

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
  /**
   * Finished rows are written together, one statement per this many ms at most (default
   * EVAL_COMMIT_INTERVAL_MS): a row's result appears up to this much later, and a run of many rows
   * costs the database a statement per group instead of one per row.
   */
  commitIntervalMs?: number;
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
  const commitIntervalMs = opts.commitIntervalMs ?? EVAL_COMMIT_INTERVAL_MS;
  const contexts = new Map<string, Promise<EvalRunContext>>();
  const limiters = new Map<string, Limiter>();
  const inFlight = new Map<string, Set<AbortController>>();
  const started = new Set<string>();
  const closing = new Set<string>();
  let writtenCount = 0;
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

  const claim = async ({ limit }: { limit: number }): Promise<EvalItem[]> => {
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
    return items;
  };

  // Outcomes are written in groups, one statement per commit interval (lib/jobs/create-batcher), and
  // a row waiting for its group no longer holds its slot in the pool: the slot goes to the next row.
  const commits = createBatcher({
    flush: (batch: EvalCommit[]) => commitEvalResults({ commits: batch, client }),
    maxBatch: 100,
    minIntervalMs: commitIntervalMs,
  });
  const committing = new Set<Promise<void>>();
  const written = async (job: EvalItem, result: CommitResult) => {
    if (!result.written) return;
    writtenCount++;
    // Every row of the group that completed the run sees the final counts; one of them closes it.
    if (result.doneItems + result.failedItems < result.totalItems || closing.has(job.runId)) return;
    closing.add(job.runId);
    try {
      await finishEvalRun({ runId: job.runId, status: "finished", client });
      contexts.delete(job.runId);
      started.delete(job.runId);
    } finally {
      closing.delete(job.runId);
    }
  };
  const commit = (job: EvalItem, outcome: EvalOutcome) => {
    const done = commits
      .add({ itemId: job.id, lockToken: job.lockToken, outcome })
      .then((result) => written(job, result))
      // Left to its lease, like a job that throws.
      .catch((error: unknown) => log.error("eval worker failed", { error }))
      .finally(() => committing.delete(done));
    committing.add(done);
    // The last row in flight (the end of a run, a lull) need not wait for others to join its group.
    if (worker.inFlight() <= 1) commits.hurry();
  };

  const process = async (job: EvalItem) => {
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
      if (decision.kind === "commit") return commit(job, decision.outcome);
      const attempts = job.attempts + 1;
      if (attempts >= maxAttempts)
        return commit(job, errorOutcome(`Gave up after ${attempts} attempts: ${decision.error}`));
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
  const worker = startJobWorker<EvalItem>({
    name: "eval worker",
    intervalMs: opts.intervalMs ?? 1000,
    // Four times the provider limit in flight: while one provider's slots are busy, rows for another
    // can start, and rows wait for a slot ready to go the moment one frees up…
    concurrency: concurrency * 4,
    // …refilled twice the limit at a time (one claim per two turns of the provider's slots), long
    // before the waiting rows run out.
    batch: concurrency * 2,
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
    written: () => writtenCount,
    stop: async () => {
      unregister();
      await worker.stop();
      // The rows it finished are written before it says it has stopped.
      while (committing.size) await Promise.all(committing);
    },
  };
}
