import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { bumpSessionVersion } from "@/lib/auth/bump-session-version";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-rules";
import { forgetSessionVersion } from "@/lib/auth/session-version-cache";
import { throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";

/**
 * Changes a password after checking the current one (accounts from SSO may set a first password).
 * Checking the current password is a guess like a sign-in (a stolen session must not get unlimited
 * tries), so it goes through the same throttle. Every other session of the user is revoked; the
 * caller re-issues its own with the returned session version.
 */
export async function changePassword(opts: {
  ctx: RequestContext;
  userId: string;
  currentPassword: string;
  newPassword: string;
  address: string;
}): Promise<{ sessionVersion: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: opts.userId }, omit: { passwordHash: false } });
  const weakness = await passwordWeakness({
    password: opts.newPassword,
    userInputs: [user.email, user.email.split("@")[0]!, user.name],
  });
  if (weakness) throw validationError([{ path: "newPassword", message: weakness }]);
  if (user.passwordHash) {
    const attempt = await throttleSignIn({ email: user.email, address: opts.address });
    if (!(await verifyPassword(opts.currentPassword, user.passwordHash)))
      throw validationError(
        [{ path: "currentPassword", message: "The current password is wrong." }],
        "The current password is wrong.",
      );
    await attempt.succeeded();
  }
  const passwordHash = await hashPassword(opts.newPassword);
  const sessionVersion = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: null,
      action: "user.password-change",
      target: { type: "user", id: user.id },
    });
    return bumpSessionVersion({ tx, userId: user.id });
  });
  forgetSessionVersion({ userId: user.id });
  return { sessionVersion };
}
