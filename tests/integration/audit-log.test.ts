// The audit log reads its actions from one catalogue (lib/audit/audit-actions.ts): the list API
// filters by a catalogue action or group and refuses anything else with a 422 naming what it takes;
// the page shows each action by its label, rows the catalogue no longer names as they were stored,
// and offers the catalogue in its action filter.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

import { auditActions, auditActionsIn, auditGroupNames } from "@/lib/audit/audit-actions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createInvite } from "@/lib/invites/create-invite";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { createPrompt } from "@/lib/prompts/create-prompt";

import { ctxFor, makeProject, unique } from "./helpers";
import { callRoute, runInRequestScope, signInAs } from "./route-client";

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
  bfcacheId: "audit-log-test",
};

const route = "api/projects/[project]/audit/route.ts";
// An action written before the catalogue, or by a build that has since renamed it.
const legacyAction = "member.legacy-import";

describe("audit log", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let cookie: string;
  const list = async (search: string) => {
    const res = await callRoute(route, { method: "GET", params: { project: f.project.slug }, search, cookie });
    return {
      status: res.status,
      body: (await res.json()) as {
        entries?: Array<{ action: string }>;
        error?: { code: string; message: string; details?: unknown };
      },
    };
  };

  beforeAll(async () => {
    await applyMigrations();
    f = await makeProject(["OWNER", "ADMIN", "EDITOR"]);
    const [owner, admin, editor] = [f.members[0]!.user, f.members[1]!.user, f.members[2]!.user];
    await db.auditEntry.create({
      data: { projectId: f.project.id, action: legacyAction, targetType: "member", actorEmail: owner.email },
    });
    await createInvite({
      ctx: ctxFor(owner),
      projectId: f.project.id,
      actorRole: "OWNER",
      createdById: owner.id,
      email: `${unique("invitee")}@example.test`,
      role: "VIEWER",
    });
    await changeMemberRole({
      ctx: ctxFor(owner),
      projectId: f.project.id,
      actorRole: "OWNER",
      userId: editor.id,
      role: "REVIEWER",
    });
    await createPrompt({
      ctx: ctxFor(admin),
      projectId: f.project.id,
      input: { name: "audit/prompt", type: "TEXT", description: "", tags: [] },
    });
    cookie = await signInAs(admin);
  });

  it("refuses an action the catalogue does not name with a 422 that lists every action and group it takes", async () => {
    // A typo, and the prefix the old free-text filter took.
    for (const action of ["invite.craete", "invite."]) {
      const { status, body } = await list(`?action=${encodeURIComponent(action)}`);
      expect(status, action).toBe(422);
      expect(body.error).toMatchObject({ code: "validation_failed", details: { issues: [{ path: "action" }] } });
      for (const allowed of [...auditGroupNames, ...auditActions]) expect(body.error!.message).toContain(allowed);
    }
  });

  it("filters by one action or by a group, and lists rows the catalogue no longer names", async () => {
    expect((await list("?action=invite.create")).body.entries!.map((e) => e.action)).toEqual(["invite.create"]);
    const members = (await list("?action=members")).body.entries!.map((e) => e.action);
    expect(members).toEqual(["member.role-change", "invite.create"]);
    expect(members.every((action) => auditActionsIn("members").some((a) => a === action))).toBe(true);
    // Blank, as an untouched filter field sends it: no filter at all, old rows included.
    expect((await list("?action=")).body.entries!.map((e) => e.action)).toEqual([
      "prompt.create",
      "member.role-change",
      "invite.create",
      legacyAction,
    ]);
  });

  it("shows actions by label (old ones as stored) and offers the catalogue, grouped, as the action filter", async () => {
    const render = async (search: Record<string, string>) => {
      const { default: AuditPage } = await import("@/app/p/[project]/settings/audit/page");
      const req = new NextRequest(
        `http://galley.test/p/${f.project.slug}/settings/audit?${new URLSearchParams(search)}`,
        { headers: { cookie, host: "galley.test" } },
      );
      const page = (await runInRequestScope(req, "p/[project]/settings/audit/page.tsx", () =>
        AuditPage({ params: Promise.resolve({ project: f.project.slug }), searchParams: Promise.resolve(search) }),
      )) as ReactElement;
      return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, page));
    };
    const html = await render({});
    const cells = [...html.matchAll(/<tr[^>]*><td[^>]*>.*?<\/td><td[^>]*>.*?<\/td><td([^>]*)>(.*?)<\/td>/g)].map(
      (m) => m[2],
    );
    expect(cells).toEqual(["Prompt created", "Member&#x27;s role changed", "Invite created", legacyAction]);
    // The stored name stays at hand for whoever searches logs or the API by it.
    expect(html).toMatch(/<td[^>]* title="member\.role-change"[^>]*>Member&#x27;s role changed<\/td>/);

    const select = html.slice(html.indexOf('<select name="action"'), html.indexOf("</select>"));
    expect(select).toContain('<option value="" selected="">All actions</option>');
    expect(select).toContain(
      '<optgroup label="Members and invites"><option value="members">Members and invites (all)</option><option value="member.add">Member added</option>',
    );
    expect([...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "",
      ...auditGroupNames.flatMap((group) => [group, ...auditActionsIn(group)]),
    ]);

    // A filter chosen stays chosen; one the catalogue does not know is named, and the page still lists.
    expect(await render({ action: "members" })).toContain('<option value="members" selected="">');
    const refused = await render({ action: "invite." });
    expect(refused).toMatch(/role="alert"[^>]*>action: Choose an action or a group: project, members/);
    expect(refused).toContain(legacyAction);
  });
});
