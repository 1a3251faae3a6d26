import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { lockInTransaction } from "@/lib/db/lock-in-transaction";
import { AppError } from "@/lib/errors";
import { assertMayManageRole } from "@/lib/members/assert-may-manage-role";
import type { RequestContext } from "@/lib/request-context";

/** Removes a member from a project. The last owner cannot be removed. */
export async function removeMember(opts: {
  ctx: RequestContext;
  projectId: string;
  actorRole: ProjectRole;
  userId: string;
}) {
  await db.$transaction(async (tx) => {
    await lockInTransaction(tx, `project-owners:${opts.projectId}`);
    const membership = await tx.membership.findUnique({
      where: { projectId_userId: { projectId: opts.projectId, userId: opts.userId } },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw new AppError({ code: "not_found", message: "That person is not a member of this project." });
    assertMayManageRole({ actorRole: opts.actorRole, roles: [membership.role] });
    if (
      membership.role === "OWNER" &&
      (await tx.membership.count({ where: { projectId: opts.projectId, role: "OWNER" } })) <= 1
    ) {
      throw new AppError({
        code: "conflict",
        message: "This is the project's last owner and cannot be removed. Make someone else an owner first.",
      });
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "member.remove",
      target: { type: "member", id: opts.userId },
      before: { email: membership.user.email, role: membership.role },
    });
  });
}
