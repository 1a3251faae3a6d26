import "server-only";

import { log } from "@/lib/log";

export type JobWorkerOptions<J> = {
  /** Names the worker in the log. */
  name: string;
  /** How often it looks for due work without being nudged (work due later, other instances' work). */
  intervalMs: number;
  /** At most this many jobs in flight; more are claimed as slots free up. */
  concurrency: number;
  /**
   * Claim only once at least this many slots are free (or nothing is in flight): a pool kept fuller
   * than its workers' limits (jobs waiting on a per-provider limit) then refills in batches, one
   * claim per batch instead of one per finished job. Default 1.
   */
  batch?: number;
  /** Claims up to `limit` due jobs (claimJobs); an empty list means nothing is due now. */
  claim: (opts: { limit: number }) => Promise<J[]>;
  /** Does one claimed job and records its outcome; an error is logged and the job left to its lease. */
  process: (job: J) => Promise<void>;
  /** Runs on every tick before claiming (e.g. noticing cancelled work); its errors are logged. */
  beforeClaim?: () => Promise<void>;
};

export type JobWorker = {
  /** Look for work now (something was queued in this process, or a job finished and freed a slot). */
  nudge: () => void;
  /** Stops claiming, then waits for the claim and every job in flight to finish. */
  stop: () => Promise<void>;
  /** Jobs in flight right now. */
  inFlight: () => number;
};

/**
 * The one background-job loop (webhook deliveries, eval runs): jobs live in database rows claimed
 * with leases (claimJobs), so a restart only delays them and several instances share them. A pool
 * rather than batches: a slot that frees up is refilled at once, so one slow job does not hold back
 * the next batch.
 */
export function startJobWorker<J>(opts: JobWorkerOptions<J>): JobWorker {
  const inFlight = new Set<Promise<void>>();
  let claiming: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (claiming) {
      again = true;
      return;
    }
    claiming = (async () => {
      try {
        if (opts.beforeClaim) await opts.beforeClaim();
        while (!stopped) {
          const free = opts.concurrency - inFlight.size;
          if (free <= 0 || (inFlight.size > 0 && free < (opts.batch ?? 1))) break;
          const jobs = await opts.claim({ limit: free });
          for (const job of jobs) {
            const running: Promise<void> = opts
              .process(job)
              .catch((error: unknown) => log.error(`${opts.name} failed`, { error }))
              .finally(() => {
                inFlight.delete(running);
                tick();
              });
            inFlight.add(running);
          }
          if (jobs.length < free) break;
        }
      } catch (error) {
        log.error(`${opts.name} failed`, { error });
      }
    })().finally(() => {
      claiming = null;
      if (again) {
        again = false;
        tick();
      }
    });
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  tick();
  return {
    nudge: tick,
    inFlight: () => inFlight.size,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await claiming;
      await Promise.all(inFlight);
    },
  };
}
