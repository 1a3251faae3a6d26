import "server-only";

import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimJobs } from "@/lib/jobs/claim-jobs";

/** A claimed work item: one dataset row through one column, held with `lockToken` until its lease ends. */
export type EvalItem = {
  id: string;
  runId: string;
  columnId: string;
  rowId: string;
  position: number;
  attempts: number;
  lockToken: string;
};

/**
 * Claims up to `limit` pending items that are due (a retry waits for its nextAttemptAt), oldest
 * run first and in row order within it. Items of a cancelled run are no longer pending, so they
 * are never claimed.
 */
export async function claimEvalItems(opts: {
  limit: number;
  leaseMs: number;
  client?: Db;
  now?: Date;
}): Promise<EvalItem[]> {
  const now = opts.now ?? new Date();
  const { rows, lockToken } = await claimJobs<Omit<EvalItem, "lockToken">>({
    table: "EvalResult",
    columns: ["id", "runId", "columnId", "rowId", "position", "attempts"],
    ready: Prisma.sql`"status" = 'pending' AND "nextAttemptAt" <= ${now}`,
    orderBy: Prisma.sql`"nextAttemptAt", "runId", "position"`,
    limit: opts.limit,
    leaseMs: opts.leaseMs,
    withToken: true,
    now,
    client: opts.client,
  });
  return rows.map((row) => ({ ...row, lockToken: lockToken! }));
}
