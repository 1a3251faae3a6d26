import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { insertProject } from "@/lib/projects/insert-project";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
};

/**
 * Finds or creates the Galley user behind an OAuth/OIDC sign-in. A new identity links to an
 * existing account only through a verified email; a new account follows the sign-up rules
 * (first account, pending invite for the email, or GALLEY_OPEN_SIGNUP). Returns null when refused.
 */
export async function linkOAuthUser(opts: {
  identity: OAuthIdentity;
  requestId: string;
}): Promise<{ userId: string } | null> {
  const { identity } = opts;
  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId },
    },
  });
  if (linked) return { userId: linked.userId };
  if (!identity.email || !identity.emailVerified) return null;
  const email = identity.email.toLowerCase();
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email } });
    const firstUser = !user && (await tx.user.count()) === 0;
    const invites = user
      ? []
      : await tx.invite.findMany({
          where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        });
    if (!user) {
      if (!firstUser && invites.length === 0 && !getEnv().GALLEY_OPEN_SIGNUP) return null;
      user = await tx.user.create({
        data: { email, name: identity.name ?? email.split("@")[0]!, isInstanceAdmin: firstUser },
      });
      const ctx = { actor: { userId: user.id, email }, requestId: opts.requestId };
      await writeAuditEntry({
        tx,
        ctx,
        projectId: null,
        action: "user.sign-up",
        target: { type: "user", id: user.id },
        after: { email, via: identity.provider },
      });
      if (firstUser) await insertProject({ tx, ctx, name: "Default project", ownerId: user.id });
      for (const invite of invites) {
        await tx.membership.upsert({
          where: { projectId_userId: { projectId: invite.projectId, userId: user.id } },
          create: { projectId: invite.projectId, userId: user.id, role: invite.role },
          update: {},
        });
        await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: new Date(), acceptedById: user.id } });
        await writeAuditEntry({
          tx,
          ctx,
          projectId: invite.projectId,
          action: "invite.accept",
          target: { type: "member", id: user.id },
          after: { email, role: invite.role },
        });
      }
    }
    await tx.account.create({
      data: { userId: user.id, provider: identity.provider, providerAccountId: identity.providerAccountId },
    });
    return { userId: user.id };
  });
}
