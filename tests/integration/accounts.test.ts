import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { signUp } from "@/lib/users/sign-up";
import { createInvite } from "@/lib/invites/create-invite";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { hashInviteToken } from "@/lib/invites/hash-invite-token";
import { ctxFor, makeProject, makeUser, unique } from "./helpers";

const password = "a long enough password";

describe("sign-up, invites and members", () => {
  beforeAll(applyMigrations);

  it("makes the first account instance admin and owner of a default project, and refuses uninvited sign-ups after", async () => {
    // Two people racing for the first account: exactly one becomes admin.
    const [a, b] = await Promise.allSettled([
      signUp({ input: { name: "Ada", email: "ada@example.test", password }, requestId: unique("req") }),
      signUp({ input: { name: "Bob", email: "bob@example.test", password }, requestId: unique("req") }),
    ]);
    const results = [a, b].filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof signUp>>>).value);
    expect(results).toHaveLength(1);
    expect(results[0]!.firstUser).toBe(true);
    const refused = [a, b].find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "forbidden", message: expect.stringMatching(/by invitation/) });

    const admin = await db.user.findUniqueOrThrow({ where: { id: results[0]!.userId }, include: { memberships: { include: { project: true } } } });
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
    const invite = await createInvite({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", createdById: owner.id, email, role: "EDITOR" });
    const stored = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(stored.tokenHash).toBe(hashInviteToken(invite.token));
    expect(JSON.stringify(stored)).not.toContain(invite.token);

    await expect(signUp({ input: { name: "X", email: `other-${email}`, password, inviteToken: invite.token }, requestId: "r-12345678" })).rejects.toMatchObject({ code: "forbidden" });
    const joined = await signUp({ input: { name: "Ed", email, password, inviteToken: invite.token }, requestId: "r-12345678" });
    expect(joined.projectSlug).toBe(project.slug);
    expect(await db.membership.findFirst({ where: { projectId: project.id, userId: joined.userId } })).toMatchObject({ role: "EDITOR" });
    await expect(signUp({ input: { name: "Ed2", email: `2-${email}`, password, inviteToken: invite.token }, requestId: "r-12345678" })).rejects.toMatchObject({ code: "gone" });

    const actions = (await db.auditEntry.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["invite.create", "user.sign-up", "invite.accept"]);
  });

  it("refuses expired invites and lets a signed-in user with the right email accept", async () => {
    const { project, members } = await makeProject(["ADMIN"]);
    const admin = members[0]!.user;
    const existing = await makeUser();
    const invite = await createInvite({ ctx: ctxFor(admin), projectId: project.id, actorRole: "ADMIN", createdById: admin.id, email: existing.email, role: "VIEWER" });
    const stranger = await makeUser();
    await expect(acceptInvite({ ctx: { ...ctxFor(stranger), actor: { userId: stranger.id, email: stranger.email } }, token: invite.token })).rejects.toMatchObject({ code: "forbidden" });
    await db.invite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvite({ ctx: { ...ctxFor(existing), actor: { userId: existing.id, email: existing.email } }, token: invite.token })).rejects.toMatchObject({ code: "gone" });
    await db.invite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    await expect(acceptInvite({ ctx: { ...ctxFor(existing), actor: { userId: existing.id, email: existing.email } }, token: invite.token })).resolves.toEqual({ projectSlug: project.slug });
  });

  it("never lets the last owner be demoted or removed, and writes no audit entry for a refused change", async () => {
    const { project, members } = await makeProject(["OWNER", "ADMIN"]);
    const [owner, admin] = [members[0]!.user, members[1]!.user];
    const before = await db.auditEntry.count({ where: { projectId: project.id } });
    await expect(changeMemberRole({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", userId: owner.id, role: "ADMIN" })).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", userId: owner.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.auditEntry.count({ where: { projectId: project.id } })).toBe(before);

    // Admins cannot touch owners or make new ones.
    await expect(changeMemberRole({ ctx: ctxFor(admin), projectId: project.id, actorRole: "ADMIN", userId: owner.id, role: "VIEWER" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole({ ctx: ctxFor(admin), projectId: project.id, actorRole: "ADMIN", userId: admin.id, role: "OWNER" })).rejects.toMatchObject({ code: "forbidden" });

    // With a second owner, two owners demoting each other at once still leave one.
    await changeMemberRole({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", userId: admin.id, role: "OWNER" });
    const results = await Promise.allSettled([
      changeMemberRole({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", userId: admin.id, role: "EDITOR" }),
      changeMemberRole({ ctx: ctxFor(admin), projectId: project.id, actorRole: "OWNER", userId: owner.id, role: "EDITOR" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { projectId: project.id, role: "OWNER" } })).toBe(1);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { projectId: project.id, action: "member.role-change" }, orderBy: { id: "desc" } });
    expect(entry.before).toMatchObject({ role: "OWNER" });
    expect(entry.after).toMatchObject({ role: "EDITOR" });
  });
});
