import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getUsableInviteOrThrow } from "@/lib/invites/get-usable-invite-or-throw";
import type { RequestContext } from "@/lib/request-context";

/** A signed-in user joins the invite's project. The invite must be for their email. */
export async function acceptInvite(opts: {
  ctx: RequestContext & { actor: NonNullable<RequestContext["actor"]> };
  token: string;
}) {
  const { actor } = opts.ctx;
  return db.$transaction(async (tx) => {
    const invite = await getUsableInviteOrThrow({ tx, token: opts.token });
    if (invite.email !== actor.email) {
      throw new AppError({
        code: "forbidden",
        message: `This invite is for ${invite.email}, but you are signed in as ${actor.email}. Sign out and use the invited address.`,
      });
    }
    const existing = await tx.membership.findUnique({
      where: { projectId_userId: { projectId: invite.projectId, userId: actor.userId } },
    });
    if (!existing) {
      await tx.membership.create({ data: { projectId: invite.projectId, userId: actor.userId, role: invite.role } });
    }
    await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: new Date(), acceptedById: actor.userId } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: invite.projectId,
      action: "invite.accept",
      target: { type: "member", id: actor.userId },
      after: { email: actor.email, role: existing?.role ?? invite.role },
    });
    return { projectSlug: invite.project.slug };
  });
}
