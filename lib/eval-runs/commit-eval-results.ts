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

/** One claimed item's outcome, with the claim it was made under. */
export type EvalCommit = { itemId: string; lockToken: string; outcome: EvalOutcome };

/** The run's counters as this write left them, so the writer of its last row knows to close it. */
export type CommitResult =
  { written: false } | { written: true; runId: string; doneItems: number; failedItems: number; totalItems: number };

/**
 * Writes the outcomes of many items, and counts them on their runs, in one statement: each result
 * only if its own claim still holds it (same lockToken, still pending), each run's counters by the
 * results actually written. A worker whose lease ran out (its row claimed again by another) or
 * whose run was cancelled meanwhile writes nothing for that row, so no row is ever counted twice.
 * One statement rather than one per row because each commit is a transaction, and on the embedded
 * database a transaction's cost (about 2 ms, mostly writing the WAL) is what limits a run's pace.
 * Returns one result per commit, in order.
 */
export async function commitEvalResults(opts: {
  commits: EvalCommit[];
  client?: Db;
  now?: Date;
}): Promise<CommitResult[]> {
  if (!opts.commits.length) return [];
  const now = opts.now ?? new Date();
  const input = JSON.stringify(
    opts.commits.map(({ itemId, lockToken, outcome: o }) => ({
      id: itemId,
      lockToken,
      status: o.status,
      output: o.output,
      error: o.error,
      latencyMs: o.latencyMs,
      inputTokens: o.inputTokens,
      outputTokens: o.outputTokens,
      costUsd: o.costUsd,
      scores: o.scores,
      pass: o.pass,
      score: o.score,
    })),
  );
  const ids = opts.commits.map((c) => c.itemId);
  const rows = await (opts.client ?? db).$queryRaw<
    Array<{ id: string; lockToken: string; runId: string; doneItems: number; failedItems: number; totalItems: number }>
  >`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS i(
        "id" text, "lockToken" text, "status" text, "output" text, "error" text, "latencyMs" double precision,
        "inputTokens" double precision, "outputTokens" double precision, "costUsd" double precision, "scores" jsonb,
        "pass" boolean, "score" double precision)),
    written AS (
      UPDATE "EvalResult" r SET
        "status" = i."status", "attempts" = r."attempts" + 1, "output" = i."output", "error" = i."error",
        "latencyMs" = i."latencyMs"::int, "inputTokens" = i."inputTokens"::int, "outputTokens" = i."outputTokens"::int,
        "costUsd" = i."costUsd", "scores" = i."scores", "pass" = i."pass", "score" = i."score", "finishedAt" = ${now},
        "lockedUntil" = NULL, "lockToken" = NULL
      FROM input i
      -- The id list as well as the join: it leads the planner to the primary key, where a join with the
      -- function's rows alone (of unknown count) may hash every pending row of the table instead.
      WHERE r."id" = ANY(${ids}::text[]) AND r."id" = i."id" AND r."lockToken" = i."lockToken" AND r."status" = 'pending'
      RETURNING r."id", i."lockToken", r."runId", r."status"),
    counted AS (
      SELECT "runId", count(*) FILTER (WHERE "status" = 'done')::int AS "done",
        count(*) FILTER (WHERE "status" <> 'done')::int AS "failed"
      FROM written GROUP BY "runId"),
    runs AS (
      UPDATE "EvalRun" e SET
        "doneItems" = e."doneItems" + c."done", "failedItems" = e."failedItems" + c."failed", "updatedAt" = ${now}
      FROM counted c WHERE e."id" = c."runId"
      RETURNING e."id", e."doneItems", e."failedItems", e."totalItems")
    SELECT w."id", w."lockToken", runs."id" AS "runId", runs."doneItems", runs."failedItems", runs."totalItems"
    FROM written w JOIN runs ON runs."id" = w."runId"`;
  // By claim, not by item: a worker may hold an item twice (its own lease ran out and it claimed the item again).
  const byClaim = new Map(rows.map((r) => [`${r.id} ${r.lockToken}`, r]));
  return opts.commits.map(({ itemId, lockToken }): CommitResult => {
    const run = byClaim.get(`${itemId} ${lockToken}`);
    if (!run) return { written: false };
    return {
      written: true,
      runId: run.runId,
      doneItems: run.doneItems,
      failedItems: run.failedItems,
      totalItems: run.totalItems,
    };
  });
}
