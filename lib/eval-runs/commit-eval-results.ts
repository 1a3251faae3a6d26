import "server-only";

import { db, type Db } from "@/lib/db";

/** A row's outcome: scored (done) or given up on (error, with why). */
export type EvalOutcome = {
  status: "done" | "error";
  output: string | null;
  error: string | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  scores: unknown[] | null;
  pass: boolean | null;
  score: number | null;
};

export type CommitResult =
  { written: false } | { written: true; runId: string; doneItems: number; failedItems: number; totalItems: number };

/**
 * Writes a row's outcome, and counts it on its run, in one statement: the result only if this
 * claim still holds it (same lockToken, still pending), the run's counter only if the result was
 * written. A worker whose lease ran out (its row claimed again by another) or whose run was
 * cancelled meanwhile writes nothing, so no row is ever counted twice.
 */
export async function commitEvalResult(opts: {
  itemId: string;
  lockToken: string;
  outcome: EvalOutcome;
  client?: Db;
  now?: Date;
}): Promise<CommitResult> {
  const o = opts.outcome;
  const now = opts.now ?? new Date();
  const done = o.status === "done" ? 1 : 0;
  const rows = await (opts.client ?? db).$queryRaw<
    Array<{ id: string; doneItems: number; failedItems: number; totalItems: number }>
  >`
    WITH written AS (
      UPDATE "EvalResult" SET
        "status" = ${o.status}, "attempts" = "attempts" + 1, "output" = ${o.output}::text, "error" = ${o.error}::text,
        "latencyMs" = ${o.latencyMs}::int, "inputTokens" = ${o.inputTokens}::int, "outputTokens" = ${o.outputTokens}::int,
        "costUsd" = ${o.costUsd}::double precision, "scores" = ${o.scores === null ? null : JSON.stringify(o.scores)}::jsonb,
        "pass" = ${o.pass}::boolean, "score" = ${o.score}::double precision, "finishedAt" = ${now},
        "lockedUntil" = NULL, "lockToken" = NULL
      WHERE "id" = ${opts.itemId} AND "lockToken" = ${opts.lockToken} AND "status" = 'pending'
      RETURNING "runId")
    UPDATE "EvalRun" SET
      "doneItems" = "doneItems" + ${done}::int, "failedItems" = "failedItems" + ${1 - done}::int, "updatedAt" = ${now}
    WHERE "id" = (SELECT "runId" FROM written)
    RETURNING "id", "doneItems", "failedItems", "totalItems"`;
  const run = rows[0];
  if (!run) return { written: false };
  return {
    written: true,
    runId: run.id,
    doneItems: run.doneItems,
    failedItems: run.failedItems,
    totalItems: run.totalItems,
  };
}
