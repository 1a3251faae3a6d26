import "server-only";

import type { Tx } from "@/lib/db";

/**
 * Raises the user's session version: every session issued before stops counting. Inside the
 * caller's transaction; the caller calls forgetSessionVersion after it commits.
 */
export async function bumpSessionVersion(opts: { tx: Tx; userId: string }): Promise<number> {
  const user = await opts.tx.user.update({
    where: { id: opts.userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return user.sessionVersion;
}
