// Each user's session version, cached per process for a few seconds because next-auth asks for it
// on every request that reads a session. Invariants:
// - versions only go up, so a cached value can only be too low: a token newer than the cache
//   makes us read again, and a token older than the cache is revoked for certain;
// - this process forgets a user's entry when it raises their version (after commit), so revocation
//   here is immediate; other instances notice within TTL_MS (getCurrentUser, which every page and
//   route uses, compares against the database on each request anyway).
import "server-only";

import { db } from "@/lib/db";

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { version: number | null; until: number }>();

/** The user's current session version, or null when the user no longer exists. */
export async function getSessionVersion(opts: { userId: string; fresh?: boolean }): Promise<number | null> {
  const hit = cache.get(opts.userId);
  if (!opts.fresh && hit && hit.until > Date.now()) return hit.version;
  const row = await db.user.findUnique({ where: { id: opts.userId }, select: { sessionVersion: true } });
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(opts.userId, { version: row?.sessionVersion ?? null, until: Date.now() + TTL_MS });
  return row?.sessionVersion ?? null;
}

/** Call after committing a change of the user's session version (or deleting the user). */
export function forgetSessionVersion(opts: { userId: string }): void {
  cache.delete(opts.userId);
}

/** Whether a session issued under `tokenVersion` still counts; reads again when the cache may be behind. */
export async function isSessionCurrent(opts: { userId: string; tokenVersion: number }): Promise<boolean> {
  const cached = await getSessionVersion({ userId: opts.userId });
  if (cached !== null && opts.tokenVersion > cached)
    return (await getSessionVersion({ userId: opts.userId, fresh: true })) === opts.tokenVersion;
  return cached === opts.tokenVersion;
}
