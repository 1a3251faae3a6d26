import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { bumpSessionVersion } from "@/lib/auth/bump-session-version";
import { forgetSessionVersion } from "@/lib/auth/session-version-cache";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";

/** Revokes every session of the user, on every device and instance, this one included. */
export async function signOutEverywhere(opts: { ctx: RequestContext; userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await bumpSessionVersion({ tx, userId: opts.userId });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: null,
      action: "user.sign-out-everywhere",
      target: { type: "user", id: opts.userId },
    });
  });
  forgetSessionVersion({ userId: opts.userId });
}
