import type { Tx } from "@/lib/db";

/**
 * Takes a transaction-scoped advisory lock named by `key`, so that transactions touching the same
 * thing (first sign-up, a project's owners, …) run one after another. Released at commit/rollback.
 */
export async function lockInTransaction(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
