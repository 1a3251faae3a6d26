import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";

export async function updateProfile(opts: { ctx: RequestContext; userId: string; name: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: opts.userId }, select: { name: true } });
    const user = await tx.user.update({ where: { id: opts.userId }, data: { name: opts.name }, select: { id: true, name: true, email: true } });
    await writeAuditEntry({ tx, ctx: opts.ctx, projectId: null, action: "user.profile-update", target: { type: "user", id: user.id }, before, after: { name: user.name } });
    return user;
  });
}
