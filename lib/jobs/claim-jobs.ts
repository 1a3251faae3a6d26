import "server-only";

import crypto from "node:crypto";

import { db, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** The tables whose rows are work items: each has "id", "lockedUntil" and the columns `ready` reads. */
export type JobTable = "WebhookDelivery" | "EvalResult";

export type ClaimJobsOptions = {
  table: JobTable;
  /** The columns to return, as they are named in the table. */
  columns: readonly string[];
  /** Which rows are due, besides not being leased: e.g. Prisma.sql`"status" = 'pending' AND "nextAttemptAt" <= ${now}`. */
  ready: Prisma.Sql;
  orderBy: Prisma.Sql;
  limit: number;
  /** How long the claim holds the rows; after it, another worker may take them (this one is presumed dead). */
  leaseMs: number;
  /** Tables with a "lockToken" column get a fresh token, which every later write of the claim must match. */
  withToken: boolean;
  /**
   * More to return with each claimed row, from a join on the claimed rows (named "claimed"), so a
   * worker gets what its jobs need in the claim's own round trip: e.g. columns Prisma.sql`d."values"`
   * and join Prisma.sql`LEFT JOIN "DatasetRow" d ON d."id" = claimed."rowId"`.
   */
  include?: { columns: Prisma.Sql; join: Prisma.Sql };
  now?: Date;
  /** A second client stands in for a second instance in tests; the process-wide one otherwise. */
  client?: Db;
};

export type Claimed<T> = { rows: T[]; lockToken: string | null };

/**
 * Takes up to `limit` due rows for this worker in one statement: the inner SELECT … FOR UPDATE SKIP
 * LOCKED passes over rows another worker is claiming right now, and PostgreSQL re-checks a row that
 * changed meanwhile against the lease condition before this UPDATE takes it, so two workers (two
 * instances) never hold the same row. The lease (lockedUntil) is the claim's lifetime: a worker that
 * dies leaves its rows to be claimed again once it runs out. With a lock token, a worker whose lease
 * ran out and whose rows were claimed again cannot write over the new holder's work.
 */
export async function claimJobs<T>(opts: ClaimJobsOptions): Promise<Claimed<T>> {
  const now = opts.now ?? new Date();
  const client = opts.client ?? db;
  // Table and column names come from code, never from a request.
  const table = Prisma.raw(`"${opts.table}"`);
  const columns = Prisma.raw(opts.columns.map((c) => `"${c}"`).join(", "));
  const lockToken = opts.withToken ? crypto.randomUUID() : null;
  const lease = new Date(now.getTime() + opts.leaseMs);
  const set = lockToken
    ? Prisma.sql`"lockedUntil" = ${lease}, "lockToken" = ${lockToken}`
    : Prisma.sql`"lockedUntil" = ${lease}`;
  const claim = Prisma.sql`
    UPDATE ${table} SET ${set}
    WHERE "id" IN (
      SELECT "id" FROM ${table}
      WHERE ${opts.ready} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY ${opts.orderBy} LIMIT ${opts.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING ${columns}`;
  const rows = await client.$queryRaw<T[]>(
    opts.include
      ? Prisma.sql`WITH claimed AS (${claim}) SELECT claimed.*, ${opts.include.columns} FROM claimed ${opts.include.join}`
      : claim,
  );
  return { rows, lockToken };
}
