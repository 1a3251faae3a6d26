// Throttles password guessing per email: after MAX_FAILURES failures within WINDOW, sign-in for
// that email is locked for a while, doubling with each further failure. Kept in the database so
// every instance (and a restart) sees the same count.
import crypto from "node:crypto";
import { db } from "@/lib/db";

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const BASE_LOCK_MS = 60 * 1000;
const MAX_LOCK_MS = 60 * 60 * 1000;

const keyFor = (email: string) => crypto.createHash("sha256").update(`signin:${email}`).digest("hex");

/** Milliseconds until this email may try again, or 0. */
export async function getSignInLock(email: string): Promise<number> {
  const row = await db.signInThrottle.findUnique({ where: { key: keyFor(email) } });
  const until = row?.lockedUntil?.getTime() ?? 0;
  return Math.max(0, until - Date.now());
}

export async function recordSignInFailure(email: string): Promise<void> {
  const key = keyFor(email);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const row = await tx.signInThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const over = failures - MAX_FAILURES;
    const lockedUntil = over >= 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** over)) : null;
    await tx.signInThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil },
      update: { failures, lockedUntil, ...(fresh ? { windowStart: now } : {}) },
    });
  });
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: keyFor(email) } });
}
