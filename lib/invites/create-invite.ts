import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashInviteToken, newInviteToken } from "@/lib/invites/hash-invite-token";
import { assertMayManageRole } from "@/lib/members/assert-may-manage-role";
import type { RequestContext } from "@/lib/request-context";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Creates a one-time invite link for an email and role, valid for 7 days. The token is returned
 * once, here; the database keeps only its hash. An earlier pending invite for the email is revoked.
 */
export async function createInvite(opts: {
  ctx: RequestContext;
  projectId: string;
  actorRole: ProjectRole;
  createdById: string;
  email: string;
  role: ProjectRole;
}) {
  assertMayManageRole({ actorRole: opts.actorRole, roles: [opts.role] });
  const token = newInviteToken();
  const invite = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { projectId: opts.projectId, user: { email: opts.email } } });
    if (member) {
      throw new AppError({
        code: "conflict",
        message: `${opts.email} is already a member of this project.`,
        details: { issues: [{ path: "email", message: "Already a member of this project." }] },
      });
    }
    await tx.invite.updateMany({
      where: { projectId: opts.projectId, email: opts.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invite.create({
      data: {
        projectId: opts.projectId,
        email: opts.email,
        role: opts.role,
        tokenHash: hashInviteToken(token),
        createdById: opts.createdById,
        expiresAt: new Date(Date.now() + INVITE_TTL_MS),
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "invite.create",
      target: { type: "invite", id: created.id },
      after: { email: created.email, role: created.role, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt.toISOString(), token };
}
