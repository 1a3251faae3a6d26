import "server-only";

import { db, type Db, type Tx } from "@/lib/db";

/**
 * Closes a run (finished when its last item is in; cancelled or failed earlier) and fills in each
 * column's pass rate and mean score over its scored rows. Only the first caller closes it: the
 * status update is guarded, so two workers finishing the last two rows at once close it once.
 * Returns whether this call closed it.
 */
export async function finishEvalRun(opts: {
  runId: string;
  status: "finished" | "cancelled" | "failed";
  error?: string;
  client?: Db;
  /** Runs in the closing transaction when this call closed the run (an audit entry of the cancel). */
  onClosed?: (tx: Tx) => Promise<void>;
}): Promise<boolean> {
  const client = opts.client ?? db;
  return client.$transaction(async (tx) => {
    const now = new Date();
    const closed = await tx.evalRun.updateMany({
      where: { id: opts.runId, status: { in: ["queued", "running"] } },
      data: {
        status: opts.status,
        finishedAt: now,
        ...(opts.error ? { error: opts.error } : {}),
        ...(opts.status === "cancelled" ? { cancelRequested: true } : {}),
      },
    });
    if (closed.count === 0) return false;
    // Rows not run any more (cancelled or failed run) leave the queue, so no worker claims or scans them again.
    await tx.evalResult.updateMany({
      where: { runId: opts.runId, status: "pending" },
      data: { status: "cancelled", lockedUntil: null, lockToken: null },
    });
    await tx.$executeRaw`
      UPDATE "EvalColumn" c SET "passRate" = s."passRate", "meanScore" = s."meanScore"
      FROM (
        SELECT "columnId", avg(CASE WHEN "pass" THEN 1.0 ELSE 0.0 END)::double precision AS "passRate",
          avg("score")::double precision AS "meanScore"
        FROM "EvalResult" WHERE "runId" = ${opts.runId} AND "status" = 'done' GROUP BY "columnId") s
      WHERE c."id" = s."columnId"`;
    await opts.onClosed?.(tx);
    return true;
  });
}
