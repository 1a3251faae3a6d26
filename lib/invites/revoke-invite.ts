import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertMayManageRole } from "@/lib/members/assert-may-manage-role";
import type { RequestContext } from "@/lib/request-context";

/** Revokes a pending invite; only an owner revokes an invite that would grant the owner role. */
export async function revokeInvite(opts: {
  ctx: RequestContext;
  projectId: string;
  inviteId: string;
  actorRole: ProjectRole;
}) {
  await db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id: opts.inviteId, projectId: opts.projectId } });
    if (!invite) throw new AppError({ code: "not_found", message: "No such invite in this project." });
    if (invite.acceptedAt) throw new AppError({ code: "conflict", message: "This invite has already been used." });
    assertMayManageRole({ actorRole: opts.actorRole, roles: [invite.role] });
    if (invite.revokedAt) return;
    await tx.invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "invite.revoke",
      target: { type: "invite", id: invite.id },
      before: { email: invite.email, role: invite.role },
    });
  });
}
