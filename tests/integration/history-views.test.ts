// What the studio's history views tell people: time travel to the exact deployment, and audit
// entries that name reviewers instead of showing their ids.
import { beforeAll, describe, expect, it } from "vitest";

import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { environmentAt } from "@/lib/environments/environment-at";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { createReview } from "@/lib/reviews/create-review";
import { auditQuerySchema } from "@/lib/validations/project";

import { ctxFor, makeProject } from "./helpers";

describe("history views", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  const member = (role: string) => fixture.members.find((m) => m.role === role)!.user;

  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["ADMIN", "REVIEWER", "EDITOR"]);
    const editor = member("EDITOR");
    promptId = (
      await createPrompt({
        ctx: ctxFor(editor),
        projectId: fixture.project.id,
        input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
      })
    ).id;
    for (let v = 0; v < 2; v++) {
      await saveVersion({
        ctx: ctxFor(editor),
        projectId: fixture.project.id,
        promptId,
        authorId: editor.id,
        baseVersion: v,
        message: `v${v + 1}`,
        content: { template: `Version ${v + 1}`, contract: { variables: [] }, modelConfig: {} },
      });
    }
  });

  it("shows an environment as it was right after a deployment, even when the next one came in the same millisecond", async () => {
    const env = await db.environment.findFirstOrThrow({ where: { projectId: fixture.project.id, slug: "production" } });
    const admin = member("ADMIN");
    const at = new Date("2026-11-24T09:00:05.123Z");
    const base = {
      projectId: fixture.project.id,
      environmentId: env.id,
      promptId,
      promptName: "support/reply",
      actorId: admin.id,
      actorName: admin.name,
      createdAt: at,
    };
    const promoted = await db.deployment.create({ data: { ...base, fromVersion: null, toVersion: 2, kind: "review" } });
    const rolledBack = await db.deployment.create({
      data: { ...base, fromVersion: 2, toVersion: 1, kind: "emergency-rollback", reason: "wrong refund policy" },
    });
    expect(promoted.id < rolledBack.id).toBe(true);
    const run = (opts: { at?: Date; throughDeploymentId?: string }) =>
      environmentAt({ projectId: fixture.project.id, environmentSlug: "production", ...opts }).then((r) =>
        r.map((p) => p.version),
      );

    expect(await run({ throughDeploymentId: promoted.id })).toEqual([2]);
    expect(await run({ throughDeploymentId: rolledBack.id })).toEqual([1]);
    expect(await run({ at })).toEqual([1]);
    expect(await run({ at: new Date(at.getTime() - 1) })).toEqual([]);
    // A deployment of another environment or project is not a moment of this one.
    const other = await makeProject(["ADMIN"]);
    await expect(
      environmentAt({ projectId: other.project.id, environmentSlug: "production", throughDeploymentId: promoted.id }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("names reviewers in the audit log (name and email), not by id", async () => {
    const editor = member("EDITOR");
    const reviewer = member("REVIEWER");
    await createReview({
      ctx: ctxFor(editor),
      project: fixture.project,
      actor: { id: editor.id, name: editor.name, role: "EDITOR" },
      input: { promptId, version: 2, environment: "staging", reviewerIds: [reviewer.id], title: "", description: "" },
    });
    const { entries } = await listAuditEntries({
      projectId: fixture.project.id,
      query: auditQuerySchema.parse({ action: "review.open" }),
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ reviewers: [`${reviewer.name} <${reviewer.email}>`] });
    expect(JSON.stringify(entries[0])).not.toContain(reviewer.id);
  });
});
