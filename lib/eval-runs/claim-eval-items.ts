import "server-only";

import type { Db } from "@/lib/db";
import type { EvalRow } from "@/lib/eval-runs/run-eval-item";
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
  /** The dataset row's content (null if it no longer exists). */
  row: EvalRow | null;
};

type Claimed = Omit<EvalItem, "lockToken" | "row"> & {
  datasetRowId: string | null;
  values: unknown;
  expected: string | null;
  metadata: unknown;
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
  const { rows, lockToken } = await claimJobs<Claimed>({
    table: "EvalResult",
    columns: ["id", "runId", "columnId", "rowId", "position", "attempts"],
    ready: Prisma.sql`"status" = 'pending' AND "nextAttemptAt" <= ${now}`,
    orderBy: Prisma.sql`"nextAttemptAt", "runId", "position"`,
    limit: opts.limit,
    leaseMs: opts.leaseMs,
    withToken: true,
    // Each item's dataset row comes with the claim rather than in a second query.
    include: {
      columns: Prisma.sql`d."id" AS "datasetRowId", d."values", d."expected", d."metadata"`,
      join: Prisma.sql`LEFT JOIN "DatasetRow" d ON d."id" = claimed."rowId"`,
    },
    now,
    client: opts.client,
  });
  return rows.map(({ datasetRowId, values, expected, metadata, ...item }) => ({
    ...item,
    lockToken: lockToken!,
    row: datasetRowId === null ? null : { values, expected, metadata },
  }));
}
