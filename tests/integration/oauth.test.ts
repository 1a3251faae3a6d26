import { beforeAll, describe, expect, it } from "vitest";

import { linkOAuthUser } from "@/lib/auth/link-oauth-user";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createInvite } from "@/lib/invites/create-invite";

import { ctxFor, makeProject, makeUser, unique } from "./helpers";

const identity = (over: Partial<Parameters<typeof linkOAuthUser>[0]["identity"]> = {}) => ({
  provider: "oidc",
  providerAccountId: unique("sub"),
  email: `${unique("sso")}@example.test`,
  emailVerified: true,
  name: "SSO Person",
  ...over,
});

describe("single sign-on accounts", () => {
  beforeAll(async () => {
    await applyMigrations();
    await makeUser(); // not the first account: sign-up rules apply
  });

  it("refuses an unknown person without an invite, and an unverified email", async () => {
    expect(await linkOAuthUser({ identity: identity(), requestId: "r-12345678" })).toBeNull();
    const existing = await makeUser();
    expect(
      await linkOAuthUser({
        identity: identity({ email: existing.email, emailVerified: false }),
        requestId: "r-12345678",
      }),
    ).toBeNull();
  });

  it("links a verified email to the existing account, once, and signs in by the link afterwards", async () => {
    const existing = await makeUser();
    const id = identity({ email: existing.email.toUpperCase() });
    expect(await linkOAuthUser({ identity: id, requestId: "r-12345678" })).toEqual({ userId: existing.id });
    expect(
      await linkOAuthUser({ identity: { ...id, email: null, emailVerified: false }, requestId: "r-12345678" }),
    ).toEqual({ userId: existing.id });
    expect(await db.account.count({ where: { userId: existing.id } })).toBe(1);
  });

  it("creates an invited person's account and accepts their pending invites", async () => {
    const { project, members } = await makeProject(["OWNER"]);
    const owner = members[0]!.user;
    const email = `${unique("invited")}@example.test`;
    await createInvite({
      ctx: ctxFor(owner),
      projectId: project.id,
      actorRole: "OWNER",
      createdById: owner.id,
      email,
      role: "REVIEWER",
    });
    const linked = await linkOAuthUser({ identity: identity({ email }), requestId: "r-12345678" });
    expect(linked).not.toBeNull();
    expect(await db.membership.findFirst({ where: { projectId: project.id, userId: linked!.userId } })).toMatchObject({
      role: "REVIEWER",
    });
    expect(await db.invite.findFirst({ where: { projectId: project.id, email } })).toMatchObject({
      acceptedById: linked!.userId,
    });
  });
});
