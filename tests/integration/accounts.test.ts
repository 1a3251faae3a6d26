import { decode, encode, type JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";

import { getAuthOptions } from "@/lib/auth/auth-options";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { hashPassword } from "@/lib/auth/password";
import { reissueSessionCookie } from "@/lib/auth/reissue-session-cookie";
import { forgetSessionVersion } from "@/lib/auth/session-version-cache";
import { ACCOUNT_ADDRESS_LIMIT } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createInvite } from "@/lib/invites/create-invite";
import { hashInviteToken } from "@/lib/invites/hash-invite-token";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { changePassword } from "@/lib/users/change-password";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { signUp } from "@/lib/users/sign-up";

import { ctxFor, makeProject, makeUser, unique } from "./helpers";

const password = "a long enough password";

async function makeUserWithPassword() {
  const name = unique("pw");
  return db.user.create({
    data: { email: `${name}@example.test`, name, passwordHash: await hashPassword(password) },
    select: { id: true, email: true, name: true, isInstanceAdmin: true },
  });
}

describe("sign-up, invites and members", () => {
  beforeAll(applyMigrations);

  it("makes the first account instance admin and owner of a default project, and refuses uninvited sign-ups after", async () => {
    // Two people racing for the first account: exactly one becomes admin.
    const [a, b] = await Promise.allSettled([
      signUp({ input: { name: "Ada", email: "ada@example.test", password }, requestId: unique("req") }),
      signUp({ input: { name: "Bob", email: "bob@example.test", password }, requestId: unique("req") }),
    ]);
    const results = [a, b]
      .filter((r) => r.status === "fulfilled")
      .map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof signUp>>>).value);
    expect(results).toHaveLength(1);
    expect(results[0]!.firstUser).toBe(true);
    const refused = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "forbidden", message: expect.stringMatching(/by invitation/) });

    const admin = await db.user.findUniqueOrThrow({
      where: { id: results[0]!.userId },
      include: { memberships: { include: { project: true } } },
    });
    expect(admin.isInstanceAdmin).toBe(true);
    expect(admin.memberships).toHaveLength(1);
    expect(admin.memberships[0]).toMatchObject({ role: "OWNER", project: { slug: results[0]!.projectSlug } });
    const audit = await db.auditEntry.findMany({ where: { actorId: admin.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["user.sign-up", "project.create"]);
  });

  it("signs up through an invite exactly once, only for the invited email, and writes the audit trail", async () => {
    const { project, members } = await makeProject(["OWNER"]);
    const owner = members[0]!.user;
    const email = `${unique("ed")}@example.test`;
    const invite = await createInvite({
      ctx: ctxFor(owner),
      projectId: project.id,
      actorRole: "OWNER",
      createdById: owner.id,
      email,
      role: "EDITOR",
    });
    const stored = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(stored.tokenHash).toBe(hashInviteToken(invite.token));
    expect(JSON.stringify(stored)).not.toContain(invite.token);

    await expect(
      signUp({
        input: { name: "X", email: `other-${email}`, password, inviteToken: invite.token },
        requestId: "r-12345678",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const joined = await signUp({
      input: { name: "Ed", email, password, inviteToken: invite.token },
      requestId: "r-12345678",
    });
    expect(joined.projectSlug).toBe(project.slug);
    expect(await db.membership.findFirst({ where: { projectId: project.id, userId: joined.userId } })).toMatchObject({
      role: "EDITOR",
    });
    await expect(
      signUp({
        input: { name: "Ed2", email: `2-${email}`, password, inviteToken: invite.token },
        requestId: "r-12345678",
      }),
    ).rejects.toMatchObject({ code: "gone" });

    const actions = (await db.auditEntry.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["invite.create", "user.sign-up", "invite.accept"]);
  });

  it("refuses expired invites and lets a signed-in user with the right email accept", async () => {
    const { project, members } = await makeProject(["ADMIN"]);
    const admin = members[0]!.user;
    const existing = await makeUser();
    const invite = await createInvite({
      ctx: ctxFor(admin),
      projectId: project.id,
      actorRole: "ADMIN",
      createdById: admin.id,
      email: existing.email,
      role: "VIEWER",
    });
    const stranger = await makeUser();
    await expect(
      acceptInvite({
        ctx: { ...ctxFor(stranger), actor: { userId: stranger.id, email: stranger.email } },
        token: invite.token,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await db.invite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(
      acceptInvite({
        ctx: { ...ctxFor(existing), actor: { userId: existing.id, email: existing.email } },
        token: invite.token,
      }),
    ).rejects.toMatchObject({ code: "gone" });
    await db.invite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    await expect(
      acceptInvite({
        ctx: { ...ctxFor(existing), actor: { userId: existing.id, email: existing.email } },
        token: invite.token,
      }),
    ).resolves.toEqual({ projectSlug: project.slug });
  });

  it("never lets the last owner be demoted or removed, and writes no audit entry for a refused change", async () => {
    const { project, members } = await makeProject(["OWNER", "ADMIN"]);
    const [owner, admin] = [members[0]!.user, members[1]!.user];
    const before = await db.auditEntry.count({ where: { projectId: project.id } });
    await expect(
      changeMemberRole({
        ctx: ctxFor(owner),
        projectId: project.id,
        actorRole: "OWNER",
        userId: owner.id,
        role: "ADMIN",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      removeMember({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", userId: owner.id }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await db.auditEntry.count({ where: { projectId: project.id } })).toBe(before);

    // Admins cannot touch owners or make new ones.
    await expect(
      changeMemberRole({
        ctx: ctxFor(admin),
        projectId: project.id,
        actorRole: "ADMIN",
        userId: owner.id,
        role: "VIEWER",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      changeMemberRole({
        ctx: ctxFor(admin),
        projectId: project.id,
        actorRole: "ADMIN",
        userId: admin.id,
        role: "OWNER",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });

    // With a second owner, two owners demoting each other at once still leave one.
    await changeMemberRole({
      ctx: ctxFor(owner),
      projectId: project.id,
      actorRole: "OWNER",
      userId: admin.id,
      role: "OWNER",
    });
    const results = await Promise.allSettled([
      changeMemberRole({
        ctx: ctxFor(owner),
        projectId: project.id,
        actorRole: "OWNER",
        userId: admin.id,
        role: "EDITOR",
      }),
      changeMemberRole({
        ctx: ctxFor(admin),
        projectId: project.id,
        actorRole: "OWNER",
        userId: owner.id,
        role: "EDITOR",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { projectId: project.id, role: "OWNER" } })).toBe(1);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { projectId: project.id, action: "member.role-change" },
      orderBy: { id: "desc" },
    });
    expect(entry.before).toMatchObject({ role: "OWNER" });
    expect(entry.after).toMatchObject({ role: "EDITOR" });
  });

  it("answers a closed sign-up the same for known and unknown emails", async () => {
    const known = await makeUser();
    const attempt = (email: string) =>
      signUp({ input: { name: "Someone", email, password }, requestId: unique("req") }).catch((e: unknown) => e);
    const [forKnown, forUnknown] = await Promise.all([attempt(known.email), attempt(`${unique("new")}@example.test`)]);
    expect(forKnown).toMatchObject({ code: "forbidden", message: expect.stringMatching(/by invitation/) });
    expect({ code: (forUnknown as { code: string }).code, message: (forUnknown as Error).message }).toEqual({
      code: (forKnown as { code: string }).code,
      message: (forKnown as Error).message,
    });
  });

  it("refuses very guessable passwords at sign-up, invite sign-up and password change, saying why", async () => {
    const { project, members } = await makeProject(["OWNER"]);
    const owner = members[0]!.user;
    const email = `${unique("weak")}@example.test`;
    const invite = await createInvite({
      ctx: ctxFor(owner),
      projectId: project.id,
      actorRole: "OWNER",
      createdById: owner.id,
      email,
      role: "EDITOR",
    });
    for (const weak of ["password1234", "qwertyuiop", "1234567890", email]) {
      await expect(
        signUp({ input: { name: "Weak", email, password: weak, inviteToken: invite.token }, requestId: unique("req") }),
      ).rejects.toMatchObject({
        code: "validation_failed",
        details: { issues: [{ path: "password", message: expect.stringMatching(/\w.*\. \w/) }] },
      });
    }
    await expect(
      signUp({
        input: { name: "Weak", email, password: "password1234", inviteToken: invite.token },
        requestId: unique("req"),
      }),
    ).rejects.toThrow(/commonly used password/);
    const joined = await signUp({
      input: { name: "Strong", email, password, inviteToken: invite.token },
      requestId: unique("req"),
    });
    const me = { id: joined.userId, email, name: "Strong", isInstanceAdmin: false };
    await expect(
      changePassword({
        ctx: ctxFor(me),
        userId: me.id,
        currentPassword: password,
        newPassword: "iloveyou1234",
        address: "192.0.2.1",
      }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: "newPassword", message: expect.stringMatching(/commonly used password/) }] },
    });
  });

  it("throttles guesses of the current password on the change-password form like sign-in", async () => {
    const me = await makeUserWithPassword();
    const userId = me.id;
    const tries = Array.from({ length: ACCOUNT_ADDRESS_LIMIT + 3 }, (_, i) =>
      changePassword({
        ctx: ctxFor(me),
        userId,
        currentPassword: `guess ${i}`,
        newPassword: "a different long password",
        address: "192.0.2.50",
      }).catch((e: { code: string }) => e.code),
    );
    const codes = await Promise.all(tries);
    expect(codes.filter((c) => c === "validation_failed")).toHaveLength(ACCOUNT_ADDRESS_LIMIT);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(3);
  });

  describe("sessions", () => {
    type JwtCallback = NonNullable<NonNullable<ReturnType<typeof getAuthOptions>["callbacks"]>["jwt"]>;
    const jwt = (params: Record<string, unknown>) =>
      getAuthOptions().callbacks!.jwt!(params as Parameters<JwtCallback>[0]);
    const signIn = async (user: { id: string; email: string; name: string }) =>
      jwt({
        token: { sub: user.id, email: user.email, name: user.name },
        user,
        account: { type: "credentials", provider: "credentials", providerAccountId: user.id },
        trigger: "signIn",
      });
    const cookieFor = async (token: JWT) => [
      { name: "next-auth.session-token", value: await encode({ token, secret: getAuthSecret().secret }) },
    ];

    it("revokes every other session when the password changes, and keeps the one that changed it", async () => {
      const user = await makeUserWithPassword();
      const here = await signIn(user);
      const laptop = await signIn(user);
      await expect(jwt({ token: laptop })).resolves.toMatchObject({ sub: user.id });

      const { sessionVersion } = await changePassword({
        ctx: ctxFor(user),
        userId: user.id,
        currentPassword: password,
        newPassword: "a different long password",
        address: "192.0.2.9",
      });
      await expect(jwt({ token: laptop })).rejects.toThrow(/revoked/);
      await expect(jwt({ token: here })).rejects.toThrow(/revoked/);

      const reissued = await reissueSessionCookie({ cookies: await cookieFor(here), sessionVersion });
      expect(reissued).toMatchObject({ name: "next-auth.session-token", options: { httpOnly: true, secure: false } });
      const token = (await decode({ token: reissued!.value, secret: getAuthSecret().secret }))!;
      await expect(jwt({ token })).resolves.toMatchObject({ sub: user.id, sv: sessionVersion });
      // A forged or foreign cookie is not re-issued.
      expect(
        await reissueSessionCookie({
          cookies: [{ name: "next-auth.session-token", value: "garbage" }],
          sessionVersion,
        }),
      ).toBeNull();
    });

    it("signs out everywhere, and honours a newer session issued by another instance", async () => {
      const user = await makeUser();
      const old = await signIn(user);
      await signOutEverywhere({ ctx: ctxFor(user), userId: user.id });
      await expect(jwt({ token: old })).rejects.toThrow(/revoked/);
      const fresh = await signIn(user);
      await expect(jwt({ token: fresh })).resolves.toMatchObject({ sv: 1 });

      // Another instance raises the version and signs the person in again: this instance's cached
      // version is behind, so it must read again rather than reject the newer session.
      await db.user.update({ where: { id: user.id }, data: { sessionVersion: 2 } });
      await expect(jwt({ token: { ...fresh, sv: 2 } })).resolves.toMatchObject({ sv: 2 });
      await expect(jwt({ token: fresh })).rejects.toThrow(/revoked/);
      // Sessions from before session versions existed count as version 0.
      const legacy = await makeUser();
      await expect(jwt({ token: { sub: legacy.id } })).resolves.toMatchObject({ sub: legacy.id });
      // A removed account's sessions stop counting once the cache lets go of it (getCurrentUser,
      // reading the database on every request, refuses them at once).
      await db.user.delete({ where: { id: legacy.id } });
      forgetSessionVersion({ userId: legacy.id });
      await expect(jwt({ token: { sub: legacy.id } })).rejects.toThrow(/revoked/);
    });
  });
});
