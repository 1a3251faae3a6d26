import "server-only";

import { db, type Db } from "@/lib/db";

/**
 * Gives a claimed row back for a later attempt (a 429, a 5xx, a dropped connection): counts the
 * attempt, keeps why it failed, and frees the lease. Guarded like commitEvalResult: false when the
 * claim no longer holds the row.
 */
export async function rescheduleEvalItem(opts: {
  itemId: string;
  lockToken: string;
  nextAttemptAt: Date;
  error: string;
  client?: Db;
}): Promise<boolean> {
  const count = await (opts.client ?? db).$executeRaw`
    UPDATE "EvalResult" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${opts.nextAttemptAt},
      "error" = ${opts.error}, "lockedUntil" = NULL, "lockToken" = NULL
    WHERE "id" = ${opts.itemId} AND "lockToken" = ${opts.lockToken} AND "status" = 'pending'`;
  return count === 1;
}
