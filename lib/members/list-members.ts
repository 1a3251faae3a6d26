import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export type MemberView = { userId: string; name: string; email: string; role: ProjectRole; joinedAt: string };
export type PendingInviteView = {
  id: string;
  email: string;
  role: ProjectRole;
  invitedBy: string;
  expiresAt: string;
  createdAt: string;
};

/** Members by role then name, and invites not yet used, revoked or expired. */
export async function listMembers(opts: {
  projectId: string;
}): Promise<{ members: MemberView[]; invites: PendingInviteView[] }> {
  const [memberships, invites] = await Promise.all([
    db.membership.findMany({
      where: { projectId: opts.projectId },
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
    db.invite.findMany({
      where: { projectId: opts.projectId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        createdAt: true,
        createdBy: { select: { email: true } },
      },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    members: memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
    })),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      invitedBy: i.createdBy.email,
      expiresAt: i.expiresAt.toISOString(),
      createdAt: i.createdAt.toISOString(),
    })),
  };
}
