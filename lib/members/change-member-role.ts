import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { lockInTransaction } from "@/lib/db/lock-in-transaction";
import { AppError } from "@/lib/errors";
import { assertMayManageRole } from "@/lib/members/assert-may-manage-role";
import type { RequestContext } from "@/lib/request-context";

/** Changes a member's role. The last owner of a project cannot be demoted. */
export async function changeMemberRole(opts: {
  ctx: RequestContext;
  projectId: string;
  actorRole: ProjectRole;
  userId: string;
  role: ProjectRole;
}) {
  return db.$transaction(async (tx) => {
    // Two owners demoting each other at once must not leave the project with none.
    await lockInTransaction(tx, `project-owners:${opts.projectId}`);
    const membership = await tx.membership.findUnique({
      where: { projectId_userId: { projectId: opts.projectId, userId: opts.userId } },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw new AppError({ code: "not_found", message: "That person is not a member of this project." });
    assertMayManageRole({ actorRole: opts.actorRole, roles: [membership.role, opts.role] });
    if (membership.role === opts.role) return { userId: opts.userId, role: opts.role };
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { projectId: opts.projectId, role: "OWNER" } });
      if (owners <= 1) {
        throw new AppError({
          code: "conflict",
          message: "This is the project's last owner. Make someone else an owner first.",
        });
      }
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role: opts.role } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "member.role-change",
      target: { type: "member", id: opts.userId },
      before: { email: membership.user.email, role: membership.role },
      after: { email: membership.user.email, role: opts.role },
    });
    return { userId: opts.userId, role: opts.role };
  });
}
