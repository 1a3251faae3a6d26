import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";

/** Changes your name and whether notifications also come by email. */
export async function updateProfile(opts: {
  ctx: RequestContext;
  userId: string;
  name?: string;
  emailNotifications?: boolean;
}) {
  return db.$transaction(async (tx) => {
    const select = { name: true, emailNotifications: true } as const;
    const before = await tx.user.findUniqueOrThrow({ where: { id: opts.userId }, select });
    const user = await tx.user.update({
      where: { id: opts.userId },
      data: { name: opts.name, emailNotifications: opts.emailNotifications },
      select: { id: true, email: true, ...select },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: null,
      action: "user.profile-update",
      target: { type: "user", id: user.id },
      before,
      after: { name: user.name, emailNotifications: user.emailNotifications },
    });
    return user;
  });
}
