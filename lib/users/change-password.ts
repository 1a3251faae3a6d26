import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";

/** Changes a password after checking the current one (accounts from SSO may set a first password). */
export async function changePassword(opts: { ctx: RequestContext; userId: string; currentPassword: string; newPassword: string }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: opts.userId }, omit: { passwordHash: false } });
  if (user.passwordHash && !(await verifyPassword(opts.currentPassword, user.passwordHash))) {
    throw new AppError({
      code: "validation_failed",
      message: "The current password is wrong.",
      details: { issues: [{ path: "currentPassword", message: "The current password is wrong." }] },
    });
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await writeAuditEntry({ tx, ctx: opts.ctx, projectId: null, action: "user.password-change", target: { type: "user", id: user.id } });
  });
}
