import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { diffEnvironment, environmentAt } from "@/lib/environments/environment-at";
import { listEnvironments } from "@/lib/environments/list-environments";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { deletePrompt } from "@/lib/prompts/delete-prompt";
import { saveVersion } from "@/lib/prompts/save-version";

import { ctxFor, makeProject } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("environments and deployments", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  const member = (role: string) => fixture.members.find((m) => m.role === role)!.user;
  const deploy = (
    role: "OWNER" | "ADMIN" | "EDITOR" | "VIEWER",
    extra: Partial<Parameters<typeof deployVersion>[0]>,
  ) => {
    const user = member(role);
    return deployVersion({
      ctx: ctxFor(user),
      projectId: fixture.project.id,
      projectSlug: fixture.project.slug,
      actor: { id: user.id, name: user.name, role },
      environmentSlug: "development",
      promptId,
      version: 1,
      ...extra,
    });
  };

  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["OWNER", "ADMIN", "EDITOR", "VIEWER"]);
    const editor = member("EDITOR");
    const prompt = await createPrompt({
      ctx: ctxFor(editor),
      projectId: fixture.project.id,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    promptId = prompt.id;
    for (let v = 0; v < 3; v++) {
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

  it("gives every project development, staging and a protected production", async () => {
    expect((await listEnvironments({ projectId: fixture.project.id })).map((e) => [e.slug, e.protected])).toEqual([
      ["development", false],
      ["staging", false],
      ["production", true],
    ]);
  });

  it("lets editors deploy to unprotected environments, viewers not, and production only through review or an emergency rollback", async () => {
    await expect(deploy("VIEWER", {})).rejects.toMatchObject({ code: "forbidden" });
    expect(await deploy("EDITOR", { expectedVersion: null })).toMatchObject({
      fromVersion: null,
      toVersion: 1,
      kind: "deploy",
    });
    await expect(deploy("EDITOR", { version: 1 })).rejects.toMatchObject({
      code: "conflict",
      message: "Development already runs version 1.",
    });
    await expect(deploy("ADMIN", { environmentSlug: "production" })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/protected/),
    });
    await expect(
      deploy("EDITOR", { environmentSlug: "production", emergencyRollback: true, reason: "x" }),
    ).rejects.toMatchObject({ code: "forbidden", message: "Only admins and owners can make an emergency rollback." });
    await expect(deploy("ADMIN", { environmentSlug: "production", emergencyRollback: true })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(
      deploy("ADMIN", { environmentSlug: "production", emergencyRollback: true, reason: "bad answers" }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/never ran version 1/) });

    // Once production has run v1 and v2 (placed here as reviews will), an admin can roll back with a reason.
    const prod = await db.environment.findFirstOrThrow({
      where: { projectId: fixture.project.id, slug: "production" },
    });
    const admin = member("ADMIN");
    await db.environmentPrompt.create({ data: { environmentId: prod.id, promptId, version: 2 } });
    await db.deployment.createMany({
      data: [1, 2].map((v) => ({
        projectId: fixture.project.id,
        environmentId: prod.id,
        promptId,
        promptName: "support/reply",
        fromVersion: v === 1 ? null : 1,
        toVersion: v,
        actorId: admin.id,
        actorName: admin.name,
        kind: "review",
      })),
    });
    expect(
      await deploy("ADMIN", {
        environmentSlug: "production",
        emergencyRollback: true,
        reason: "v2 promises refunds we don't give",
        version: 1,
      }),
    ).toMatchObject({ fromVersion: 2, toVersion: 1, kind: "emergency-rollback" });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { projectId: fixture.project.id, action: "deployment.emergency-rollback" },
    });
    expect(audit.after).toMatchObject({
      environment: "production",
      version: 1,
      reason: "v2 promises refunds we don't give",
    });
  });

  it("lets exactly one of many concurrent deploys win; the rest get 409 and the history stays consistent", async () => {
    const current =
      (
        await db.environmentPrompt.findFirst({
          where: { promptId, environment: { slug: "staging", projectId: fixture.project.id } },
        })
      )?.version ?? null;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        deploy("EDITOR", { environmentSlug: "staging", version: (i % 3) + 1, expectedVersion: current }),
      ),
    );
    const winners = results.filter((r) => r.status === "fulfilled");
    expect(winners).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const deployments = await db.deployment.findMany({
      where: {
        promptId,
        environmentId: (
          await db.environment.findFirstOrThrow({ where: { projectId: fixture.project.id, slug: "staging" } })
        ).id,
      },
    });
    expect(deployments).toHaveLength(1);
    const pointer = await db.environmentPrompt.findFirstOrThrow({
      where: { promptId, environment: { slug: "staging", projectId: fixture.project.id } },
    });
    expect(pointer.version).toBe(deployments[0]!.toVersion);
  });

  it("answers what an environment ran at any moment, and how two moments differ", async () => {
    const t0 = new Date();
    await sleep(20);
    await deploy("EDITOR", { version: 2 });
    await sleep(20);
    const t1 = new Date();
    await sleep(20);
    await deploy("EDITOR", { version: 3 });
    await sleep(20);
    const t2 = new Date();
    const at = async (t: Date) =>
      (await environmentAt({ projectId: fixture.project.id, environmentSlug: "development", at: t })).map(
        (r) => r.version,
      );
    expect(await at(t0)).toEqual([1]);
    expect(await at(t1)).toEqual([2]);
    expect(await at(t2)).toEqual([3]);
    expect(
      await diffEnvironment({ projectId: fixture.project.id, environmentSlug: "development", from: t0, to: t2 }),
    ).toEqual([
      {
        promptName: "support/reply",
        from: 1,
        to: 3,
        fromArms: null,
        toArms: null,
        by: member("EDITOR").name,
        at: expect.any(String),
        reviewNumber: null,
      },
    ]);
  });

  it("filters the prompt list by what an environment runs", async () => {
    const { listPrompts } = await import("@/lib/prompts/list-prompts");
    const { listPromptsQuerySchema } = await import("@/lib/validations/prompt");
    const editor = member("EDITOR");
    await createPrompt({
      ctx: ctxFor(editor),
      projectId: fixture.project.id,
      input: { name: "never/deployed", type: "TEXT", description: "", tags: [] },
    });
    const names = async (env?: string) =>
      (
        await listPrompts({ projectId: fixture.project.id, query: listPromptsQuerySchema.parse(env ? { env } : {}) })
      ).prompts
        .map((p) => p.name)
        .sort();
    expect(await names()).toEqual(["never/deployed", "support/reply"]);
    expect(await names("development")).toEqual(["support/reply"]);
  });

  it("refuses to delete a prompt that an environment runs, naming the environment", async () => {
    const admin = member("ADMIN");
    await expect(
      deletePrompt({ ctx: ctxFor(admin), projectId: fixture.project.id, promptId, confirmName: "support/reply" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/is running in Development \(v3\), Staging \(v\d\), Production \(v1\)/),
    });
  });
});

describe("managing environments", () => {
  beforeAll(applyMigrations);

  it("adds, renames, reorders and removes environments, asking before removing one that serves prompts", async () => {
    const { createEnvironment, deleteEnvironment, updateEnvironment } =
      await import("@/lib/environments/manage-environments");
    const { project, members } = await makeProject(["ADMIN"]);
    const admin = members[0]!.user;
    const ctx = ctxFor(admin);
    expect(
      await createEnvironment({
        ctx,
        projectId: project.id,
        name: "EU Production",
        protected: true,
        requiredApprovals: 2,
      }),
    ).toMatchObject({ slug: "eu-production", position: 3, protected: true, requiredApprovals: 2 });
    await expect(
      createEnvironment({ ctx, projectId: project.id, name: "eu production", protected: false, requiredApprovals: 1 }),
    ).rejects.toMatchObject({ code: "conflict" });
    await updateEnvironment({
      ctx,
      projectId: project.id,
      slug: "eu-production",
      changes: { name: "Production (EU)", position: 2 },
    });
    expect((await listEnvironments({ projectId: project.id })).map((e) => e.name)).toEqual([
      "Development",
      "Staging",
      "Production (EU)",
      "Production",
    ]);

    const prompt = await createPrompt({
      ctx,
      projectId: project.id,
      input: { name: "p", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx,
      projectId: project.id,
      promptId: prompt.id,
      authorId: admin.id,
      baseVersion: 0,
      message: "v1",
      content: { template: "x", contract: { variables: [] }, modelConfig: {} },
    });
    await deployVersion({
      ctx,
      projectId: project.id,
      projectSlug: project.slug,
      actor: { id: admin.id, name: admin.name, role: "ADMIN" },
      environmentSlug: "staging",
      promptId: prompt.id,
      version: 1,
    });
    await expect(
      deleteEnvironment({ ctx, projectId: project.id, slug: "staging", confirm: false }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/still serves 1 prompt/) });
    await deleteEnvironment({ ctx, projectId: project.id, slug: "staging", confirm: true });
    expect((await listEnvironments({ projectId: project.id })).map((e) => e.slug)).toEqual([
      "development",
      "eu-production",
      "production",
    ]);
    // The deployment history outlives the environment, and the removal is audited.
    expect(await db.deployment.count({ where: { projectId: project.id } })).toBe(1);
    expect(
      await db.auditEntry.findFirst({ where: { projectId: project.id, action: "environment.delete" } }),
    ).toMatchObject({ before: { slug: "staging", serving: 1 } });
  });
});
