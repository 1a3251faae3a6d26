import { beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { allActions, roles, type Action, type ProjectRole } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { AppError } from "@/lib/errors";
import { makeProject, makeUser } from "./helpers";

// The matrix as the product defines it, written out independently of lib/auth/permissions so a
// change to the table that nobody meant shows up here.
const lowest: Record<Action, ProjectRole> = {
  "project.view": "VIEWER",
  "prompt.view": "VIEWER",
  "review.view": "VIEWER",
  "environment.view": "VIEWER",
  "dataset.view": "VIEWER",
  "prompt.edit": "EDITOR",
  "playground.run": "EDITOR",
  "review.request": "EDITOR",
  "review.comment": "EDITOR",
  "deployment.unprotected": "EDITOR",
  "dataset.edit": "EDITOR",
  "eval.run": "EDITOR",
  "review.approve": "REVIEWER",
  "review.promote": "REVIEWER",
  "project.rename": "ADMIN",
  "member.manage": "ADMIN",
  "audit.view": "ADMIN",
  "environment.manage": "ADMIN",
  "provider.manage": "ADMIN",
  "apikey.manage": "ADMIN",
  "prompt.delete": "ADMIN",
  "deployment.emergency": "ADMIN",
  "webhook.manage": "ADMIN",
  "member.manage-owners": "OWNER",
  "project.delete": "OWNER",
};
const rank = (r: ProjectRole) => roles.length - roles.indexOf(r);

describe("requireProjectPermission: every role × every action", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject([...roles]);
  });

  it("covers every action in the table", () => {
    expect(Object.keys(lowest).sort()).toEqual([...allActions].sort());
  });

  for (const role of roles) {
    for (const action of allActions) {
      const allowed = rank(role) >= rank(lowest[action]);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, async () => {
        const member = fixture.members.find((m) => m.role === role)!;
        const attempt = requireProjectPermission({ user: member.user, projectSlug: fixture.project.slug, action });
        if (allowed) {
          await expect(attempt).resolves.toMatchObject({ role, project: { id: fixture.project.id } });
        } else {
          await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
        }
      });
    }
  }

  it("answers 'not found' to a non-member, so project names do not leak", async () => {
    const outsider = await makeUser();
    const error = await requireProjectPermission({ user: outsider, projectSlug: fixture.project.slug, action: "project.view" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("not_found");
  });

  it("asks anonymous callers to sign in", async () => {
    await expect(requireProjectPermission({ user: null, projectSlug: fixture.project.slug, action: "project.view" })).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
