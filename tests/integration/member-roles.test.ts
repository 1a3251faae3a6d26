// The member-role rule on every path that grants or takes away a role: only an owner grants,
// changes or removes the OWNER role (lib/members/may-manage-role.ts); admins manage everyone else.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createInvite } from "@/lib/invites/create-invite";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";

import { ctxFor, makeProject, makeUser, unique } from "./helpers";
import { runInRequestScope, signInAs } from "./route-client";

const require = createRequire(import.meta.url);
const { AppRouterContext } =
  require("next/dist/shared/lib/app-router-context.shared-runtime") as typeof import("next/dist/shared/lib/app-router-context.shared-runtime");
const noop = () => undefined;
const router = {
  back: noop,
  forward: noop,
  refresh: noop,
  hmrRefresh: noop,
  push: noop,
  replace: noop,
  prefetch: noop,
  bfcacheId: "member-roles-test",
};

const forbidden = { code: "forbidden", message: "Only an owner can grant, change or remove the owner role." };

describe("who may grant, change or remove the owner role", () => {
  beforeAll(applyMigrations);

  // Two owners throughout, so the last-owner rule never answers in the guard's place.
  async function projectWithTwoOwners() {
    const { project, members } = await makeProject(["OWNER", "OWNER", "ADMIN", "EDITOR"]);
    const user = (i: number) => members[i]!.user;
    const roleOf = async (userId: string) =>
      (await db.membership.findUnique({ where: { projectId_userId: { projectId: project.id, userId } } }))?.role ??
      null;
    const auditCount = () => db.auditEntry.count({ where: { projectId: project.id } });
    return { project, owner: user(0), otherOwner: user(1), admin: user(2), editor: user(3), roleOf, auditCount };
  }

  it("invite: an admin cannot invite an owner, but invites other roles; an owner can invite an owner", async () => {
    const { project, owner, admin, auditCount } = await projectWithTwoOwners();
    const email = `${unique("invitee")}@example.test`;
    const audited = await auditCount();
    await expect(
      createInvite({
        ctx: ctxFor(admin),
        projectId: project.id,
        actorRole: "ADMIN",
        createdById: admin.id,
        email,
        role: "OWNER",
      }),
    ).rejects.toMatchObject(forbidden);
    expect(await db.invite.count({ where: { projectId: project.id, email } })).toBe(0);
    expect(await auditCount()).toBe(audited);

    await expect(
      createInvite({
        ctx: ctxFor(admin),
        projectId: project.id,
        actorRole: "ADMIN",
        createdById: admin.id,
        email,
        role: "ADMIN",
      }),
    ).resolves.toMatchObject({ role: "ADMIN" });
    await expect(
      createInvite({
        ctx: ctxFor(owner),
        projectId: project.id,
        actorRole: "OWNER",
        createdById: owner.id,
        email,
        role: "OWNER",
      }),
    ).resolves.toMatchObject({ role: "OWNER" });
  });

  it("revoke invite: an admin cannot revoke an invite to the owner role, but revokes others; an owner can", async () => {
    const { project, owner, admin, auditCount } = await projectWithTwoOwners();
    const invite = (role: "OWNER" | "EDITOR") =>
      createInvite({
        ctx: ctxFor(owner),
        projectId: project.id,
        actorRole: "OWNER",
        createdById: owner.id,
        email: `${unique("invitee")}@example.test`,
        role,
      });
    const toOwner = await invite("OWNER");
    const toEditor = await invite("EDITOR");
    const revokedAt = async (id: string) => (await db.invite.findUniqueOrThrow({ where: { id } })).revokedAt;
    const audited = await auditCount();

    await expect(
      revokeInvite({ ctx: ctxFor(admin), projectId: project.id, inviteId: toOwner.id, actorRole: "ADMIN" }),
    ).rejects.toMatchObject(forbidden);
    expect(await revokedAt(toOwner.id)).toBeNull();
    expect(await auditCount()).toBe(audited);

    await revokeInvite({ ctx: ctxFor(admin), projectId: project.id, inviteId: toEditor.id, actorRole: "ADMIN" });
    expect(await revokedAt(toEditor.id)).not.toBeNull();
    await revokeInvite({ ctx: ctxFor(owner), projectId: project.id, inviteId: toOwner.id, actorRole: "OWNER" });
    expect(await revokedAt(toOwner.id)).not.toBeNull();
  });

  it("change role: an admin can neither make an owner nor change one; an owner can do both", async () => {
    const { project, owner, otherOwner, admin, editor, roleOf, auditCount } = await projectWithTwoOwners();
    const audited = await auditCount();
    await expect(
      changeMemberRole({
        ctx: ctxFor(admin),
        projectId: project.id,
        actorRole: "ADMIN",
        userId: editor.id,
        role: "OWNER",
      }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      changeMemberRole({
        ctx: ctxFor(admin),
        projectId: project.id,
        actorRole: "ADMIN",
        userId: otherOwner.id,
        role: "ADMIN",
      }),
    ).rejects.toMatchObject(forbidden);
    expect([await roleOf(editor.id), await roleOf(otherOwner.id)]).toEqual(["EDITOR", "OWNER"]);
    expect(await auditCount()).toBe(audited);

    await changeMemberRole({
      ctx: ctxFor(admin),
      projectId: project.id,
      actorRole: "ADMIN",
      userId: editor.id,
      role: "REVIEWER",
    });
    await changeMemberRole({
      ctx: ctxFor(owner),
      projectId: project.id,
      actorRole: "OWNER",
      userId: editor.id,
      role: "OWNER",
    });
    await changeMemberRole({
      ctx: ctxFor(owner),
      projectId: project.id,
      actorRole: "OWNER",
      userId: otherOwner.id,
      role: "ADMIN",
    });
    expect([await roleOf(editor.id), await roleOf(otherOwner.id)]).toEqual(["OWNER", "ADMIN"]);
  });

  it("remove: an admin cannot remove an owner, but removes other members; an owner can remove an owner", async () => {
    const { project, owner, otherOwner, admin, editor, roleOf, auditCount } = await projectWithTwoOwners();
    const audited = await auditCount();
    await expect(
      removeMember({ ctx: ctxFor(admin), projectId: project.id, actorRole: "ADMIN", userId: otherOwner.id }),
    ).rejects.toMatchObject(forbidden);
    expect(await roleOf(otherOwner.id)).toBe("OWNER");
    expect(await auditCount()).toBe(audited);

    await removeMember({ ctx: ctxFor(admin), projectId: project.id, actorRole: "ADMIN", userId: editor.id });
    await removeMember({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", userId: otherOwner.id });
    expect([await roleOf(editor.id), await roleOf(otherOwner.id)]).toEqual([null, null]);
    // A stranger is no member to remove, whoever asks.
    const stranger = await makeUser();
    await expect(
      removeMember({ ctx: ctxFor(owner), projectId: project.id, actorRole: "OWNER", userId: stranger.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("members page: offers and locks roles by the same rule, so an admin is never offered what the server refuses", async () => {
    const { project, owner, otherOwner, admin } = await projectWithTwoOwners();
    const render = async (user: { id: string; email: string }) => {
      const cookie = await signInAs(user);
      const { default: MembersPage } = await import("@/app/p/[project]/settings/members/page");
      const req = new NextRequest(`http://galley.test/p/${project.slug}/settings/members`, {
        headers: { cookie, host: "galley.test" },
      });
      const page = (await runInRequestScope(req, "p/[project]/settings/members/page.tsx", () =>
        MembersPage({ params: Promise.resolve({ project: project.slug }) }),
      )) as ReactElement;
      return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, page));
    };
    const inviteRoles = (html: string) =>
      [
        ...html
          .slice(html.indexOf('name="role"'), html.indexOf("</select>", html.indexOf('name="role"')))
          .matchAll(/<option value="(\w+)"/g),
      ].map((m) => m[1]);
    const roleSelect = (html: string, email: string) =>
      html.match(new RegExp(`<select aria-label="Role of ${email.replace(/[.+]/g, "\\$&")}"[^>]*>`))![0];

    // A pending invite to the owner role can only be revoked by an owner, as the server says.
    await createInvite({
      ctx: ctxFor(owner),
      projectId: project.id,
      actorRole: "OWNER",
      createdById: owner.id,
      email: `${unique("future-owner")}@example.test`,
      role: "OWNER",
    });
    const revokeButton = (html: string) => html.match(/<button[^>]*>(?:(?!<\/button>).)*Revoke<\/button>/s)![0];

    const asAdmin = await render(admin);
    expect(inviteRoles(asAdmin)).toEqual(["ADMIN", "REVIEWER", "EDITOR", "VIEWER"]);
    expect(revokeButton(asAdmin)).toContain(` disabled=""`);
    expect(roleSelect(asAdmin, otherOwner.email)).toContain("disabled");
    expect(roleSelect(asAdmin, admin.email)).not.toContain("disabled");

    const asOwner = await render(owner);
    expect(inviteRoles(asOwner)).toEqual(["OWNER", "ADMIN", "REVIEWER", "EDITOR", "VIEWER"]);
    expect(roleSelect(asOwner, otherOwner.email)).not.toContain("disabled");
    expect(revokeButton(asOwner)).not.toContain(` disabled=""`);
  });
});
