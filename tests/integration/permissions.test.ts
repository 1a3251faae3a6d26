import { beforeAll, describe, expect, it } from "vitest";

import { allActions, roles, type ProjectRole } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { AppError } from "@/lib/errors";

import { makeProject, makeUser } from "./helpers";
import { lowestRole as lowest } from "./permission-table";

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
    const error = await requireProjectPermission({
      user: outsider,
      projectSlug: fixture.project.slug,
      action: "project.view",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("not_found");
  });

  it("asks anonymous callers to sign in", async () => {
    await expect(
      requireProjectPermission({ user: null, projectSlug: fixture.project.slug, action: "project.view" }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
