// Releases (splits): every write path of a split, through the routes a browser calls and the review
// flow, with what each step leaves behind (deployment, release, audit entry, webhook, notification)
// and how history reads it. Serving a split is tested beside the hot path.
import { beforeAll, describe, expect, it } from "vitest";

import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { changeRelease } from "@/lib/deployments/change-release";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteReview } from "@/lib/deployments/promote-review";
import { diffEnvironment, environmentAt } from "@/lib/environments/environment-at";
import { listDeployments } from "@/lib/environments/list-deployments";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import type { Arm } from "@/lib/releases/arms";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";
import type { ReviewActor } from "@/lib/reviews/review-actor";
import { getServedPrompt } from "@/lib/serving/get-served-prompt";
import { pickArm } from "@/lib/serving/pick-arm";

import { ctxFor, makeProject, placeVersion } from "./helpers";
import { callRoute, signInAs } from "./route-client";
import { seedDatasetVersion } from "./seed-eval-run";

/** A releases route's answer, or its error. */
type Answer = {
  release: Record<string, unknown> & { id: string };
  deployment: Record<string, unknown>;
  error: { message: string; details: { currentArms?: Arm[] } };
};

const split = (...pairs: Array<[number, number]>): Arm[] => pairs.map(([version, weight]) => ({ version, weight }));

describe(`releases (${process.env.GALLEY_TEST_DB ?? "pglite"})`, () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  const cookies: Partial<Record<ProjectRole, string>> = {};
  const member = (role: ProjectRole) => fixture.members.find((m) => m.role === role)!.user;
  const as = (role: ProjectRole): ReviewActor => ({
    ctx: ctxFor(member(role)),
    project: fixture.project,
    actor: { id: member(role).id, name: member(role).name, role },
  });
  const releases = "api/projects/[project]/prompts/[promptId]/releases";
  async function call(role: ProjectRole, route: string, method: string, body: unknown, releaseId?: string) {
    const res = await callRoute(`${releases}${route}/route.ts`, {
      method,
      body,
      cookie: cookies[role],
      params: { project: fixture.project.slug, promptId, ...(releaseId ? { releaseId } : {}) },
    });
    return { status: res.status, json: (await res.json()) as Answer };
  }
  const start = (role: ProjectRole, environment: string, arms: Arm[]) => call(role, "", "POST", { environment, arms });
  const ramp = (role: ProjectRole, id: string, arms: Arm[], expectedArms: Arm[]) =>
    call(role, "/[releaseId]", "PATCH", { arms, expectedArms }, id);
  const UNITS = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
  /** The version production serves each unit, as the hot path picks it from the served answer. */
  async function servedVersions(): Promise<Map<string, number>> {
    const found = await getServedPrompt({
      projectId: fixture.project.id,
      name: "support/reply",
      query: { environment: "production", resolve: true },
    });
    return new Map(UNITS.map((unit) => [unit, (JSON.parse(pickArm(found, unit).body) as { version: number }).version]));
  }
  const unitsOn = (served: Map<string, number>, version: number) =>
    [...served].filter(([, v]) => v === version).map(([unit]) => unit);
  const pointer = (slug: string) =>
    db.environmentPrompt.findFirstOrThrow({
      where: { promptId, environment: { slug, projectId: fixture.project.id } },
    });
  const approvedReview = async (version: number, arms?: Arm[]) => {
    const review = await createReview({
      ...as("EDITOR"),
      input: {
        promptId,
        version,
        environment: "production",
        reviewerIds: [member("REVIEWER").id],
        title: "",
        description: "",
        ...(arms ? { arms } : {}),
      },
    });
    await decideReview({ ...as("REVIEWER"), number: review.number, decision: "approve", body: "" });
    return review.number;
  };

  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["OWNER", "ADMIN", "REVIEWER", "EDITOR"]);
    const admin = member("ADMIN");
    const prompt = await createPrompt({
      ctx: ctxFor(admin),
      projectId: fixture.project.id,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    promptId = prompt.id;
    // The admin writes every version, so the reviewer's approvals count and rollbacks notify the admin.
    for (const n of [1, 2, 3])
      await saveVersion({
        ctx: ctxFor(admin),
        projectId: fixture.project.id,
        promptId,
        authorId: admin.id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template: `Answer ${n}.`, contract: { variables: [] }, modelConfig: {} },
      });
    for (const slug of ["staging", "production"])
      await placeVersion({ projectId: fixture.project.id, promptId, slug, version: 1, by: admin });
    await db.webhook.create({
      data: {
        projectId: fixture.project.id,
        url: "http://127.0.0.1:9/hook",
        secretEncrypted: "unused",
        secretHint: "whsec_…",
        events: ["prompt.deployed", "prompt.rolled_back"],
        createdById: admin.id,
      },
    });
    // Viewers' 403 on these routes is route-declarations.test.ts's (every route, every role).
    for (const role of ["REVIEWER", "EDITOR"] as const) cookies[role] = await signInAs(member(role));
  });

  it("starts, ramps and promotes a split in an unprotected environment: one release, a deployment per step, audited, with webhooks, and history reads it", async () => {
    const refused = await start("EDITOR", "staging", split([2, 50], [3, 50]));
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain("list v1 as one of its versions");

    const started = await start("EDITOR", "staging", split([1, 90], [2, 10]));
    expect(started.status).toBe(201);
    const id = started.json.release.id as string;
    expect(started.json.release).toMatchObject({ status: "active", baseVersion: 1, arms: split([1, 90], [2, 10]) });
    expect(started.json.deployment).toMatchObject({ kind: "release-start", fromVersion: 1, toVersion: 1 });
    expect(await pointer("staging")).toMatchObject({ version: 1, releaseId: id });

    const ramped = await ramp("EDITOR", id, split([1, 50], [2, 50]), split([1, 90], [2, 10]));
    expect(ramped.status).toBe(200);
    expect(ramped.json.release).toMatchObject({ id, arms: split([1, 50], [2, 50]) });
    expect(ramped.json.deployment).toMatchObject({
      kind: "release-ramp",
      releaseId: id,
      fromArms: split([1, 90], [2, 10]),
      arms: split([1, 50], [2, 50]),
    });
    // Someone who still saw 90/10 gets 409 with what runs now; a ramp keeps the split's versions.
    const stale = await ramp("EDITOR", id, split([1, 20], [2, 80]), split([1, 90], [2, 10]));
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.currentArms).toEqual(split([1, 50], [2, 50]));
    const otherVersions = await ramp("EDITOR", id, split([1, 50], [3, 50]), split([1, 50], [2, 50]));
    expect(otherVersions.status).toBe(409);
    expect(otherVersions.json.error.message).toContain("A ramp changes the weights of these versions");

    const promoted = await call("EDITOR", "/[releaseId]/promote", "POST", { version: 2 }, id);
    expect(promoted.status).toBe(200);
    expect(promoted.json.release).toMatchObject({ id, status: "promoted", endVersion: 2 });
    expect(await pointer("staging")).toMatchObject({ version: 2, releaseId: null });
    expect((await ramp("EDITOR", id, split([1, 60], [2, 40]), split([1, 50], [2, 50]))).json.error.message).toContain(
      "This split ended",
    );

    const steps = await db.deployment.findMany({ where: { releaseId: id }, orderBy: { createdAt: "asc" } });
    expect(steps.map((d) => [d.kind, d.fromVersion, d.toVersion, d.fromArms, d.arms])).toEqual([
      ["release-start", 1, 1, null, split([1, 90], [2, 10])],
      ["release-ramp", 1, 1, split([1, 90], [2, 10]), split([1, 50], [2, 50])],
      ["release-promote", 1, 2, split([1, 50], [2, 50]), null],
    ]);
    const audit = await db.auditEntry.findMany({
      where: { projectId: fixture.project.id, action: { startsWith: "release." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.before, (a.after as { arms?: Arm[] }).arms ?? null])).toEqual([
      ["release.start", { environment: "staging", version: 1 }, split([1, 90], [2, 10])],
      ["release.ramp", { environment: "staging", version: 1, arms: split([1, 90], [2, 10]) }, split([1, 50], [2, 50])],
      ["release.promote", { environment: "staging", version: 1, arms: split([1, 50], [2, 50]) }, null],
    ]);
    const hooks = await db.webhookDelivery.findMany({ where: { projectId: fixture.project.id } });
    const hookData = hooks
      .map((h) => (h.payload as { data: Record<string, unknown> }).data)
      .filter((d) => d.release === id);
    expect(hookData.map((d) => [d.kind, d.arms, d.fromArms])).toEqual(
      expect.arrayContaining([
        ["release-start", split([1, 90], [2, 10]), null],
        ["release-ramp", split([1, 50], [2, 50]), split([1, 90], [2, 10])],
        ["release-promote", null, split([1, 50], [2, 50])],
      ]),
    );

    // Time travel: right after each step, the environment ran what that step left.
    const at = async (deploymentId: string) =>
      (
        await environmentAt({
          projectId: fixture.project.id,
          environmentSlug: "staging",
          throughDeploymentId: deploymentId,
        })
      ).find((r) => r.promptId === promptId)!;
    expect(await at(steps[0]!.id)).toMatchObject({ version: 1, arms: split([1, 90], [2, 10]), releaseId: id });
    expect(await at(steps[1]!.id)).toMatchObject({ arms: split([1, 50], [2, 50]) });
    expect(await at(steps[2]!.id)).toMatchObject({ version: 2, arms: null });
    const diff = await diffEnvironment({
      projectId: fixture.project.id,
      environmentSlug: "staging",
      from: steps[0]!.createdAt,
      to: steps[1]!.createdAt,
    });
    // Only when the two steps fall in different milliseconds is there a moment between them to compare.
    if (steps[0]!.createdAt < steps[1]!.createdAt)
      expect(diff).toMatchObject([
        { from: 1, to: 1, fromArms: split([1, 90], [2, 10]), toArms: split([1, 50], [2, 50]) },
      ]);
    const [latest] = await listDeployments({
      projectId: fixture.project.id,
      environmentId: steps[0]!.environmentId,
      promptId,
    });
    expect(latest).toMatchObject({
      kind: "release-promote",
      releaseId: id,
      fromArms: split([1, 50], [2, 50]),
      arms: null,
    });
  });

  it("aborts back to the base (notifying the people behind the split) and refuses a deploy outside the split", async () => {
    const started = await start("EDITOR", "staging", split([2, 80], [3, 20]));
    const id = started.json.release.id as string;
    await expect(
      deployVersion({
        ctx: ctxFor(member("EDITOR")),
        projectId: fixture.project.id,
        projectSlug: fixture.project.slug,
        actor: as("EDITOR").actor,
        environmentSlug: "staging",
        promptId,
        version: 1,
      }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Promote one of its versions") });

    const aborted = await call("EDITOR", "/[releaseId]/abort", "POST", { expectedArms: split([2, 80], [3, 20]) }, id);
    expect(aborted.status).toBe(200);
    expect(aborted.json.release).toMatchObject({ status: "aborted", endVersion: 2 });
    expect(aborted.json.deployment).toMatchObject({
      kind: "release-abort",
      toVersion: 2,
      fromArms: split([2, 80], [3, 20]),
    });
    expect(await pointer("staging")).toMatchObject({ version: 2, releaseId: null });
    const hook = await db.webhookDelivery.findFirstOrThrow({
      where: { projectId: fixture.project.id, event: "prompt.rolled_back" },
    });
    expect((hook.payload as { data: Record<string, unknown> }).data).toMatchObject({
      kind: "release-abort",
      release: id,
    });
    const told = await db.notification.findFirstOrThrow({ where: { userId: member("ADMIN").id, kind: "rolled-back" } });
    expect(told.title).toContain("aborted the split of support/reply in Staging (v2 80 % · v3 20 %): back to v2");
  });

  it("takes a split into a protected environment only through reviews, and lets reviewers abort it there", async () => {
    const direct = await start("EDITOR", "production", split([1, 90], [2, 10]));
    expect(direct.status).toBe(403);
    expect(direct.json.error.message).toContain("through an approved review");

    const canary = await approvedReview(2, split([1, 90], [2, 10]));
    const started = await promoteReview({ ...as("EDITOR"), number: canary });
    expect(started).toMatchObject({ kind: "release-start", arms: split([1, 90], [2, 10]) });
    const id = started.releaseId!;
    expect(await pointer("production")).toMatchObject({ version: 1, releaseId: id });
    expect((await ramp("EDITOR", id, split([1, 50], [2, 50]), split([1, 90], [2, 10]))).status).toBe(403);
    // The split the review started serves both versions, about 10 % on v2 (binomial sd ≈ 0.9 %).
    const atTen = await servedVersions();
    const canaryUnits = unitsOn(atTen, 2);
    expect(canaryUnits.length).toBeGreaterThan(60);
    expect(canaryUnits.length).toBeLessThan(140);
    expect(unitsOn(atTen, 1)).toHaveLength(1000 - canaryUnits.length);

    // Two ramp reviews approved against 90/10: once one is promoted, the other's approval is stale.
    const toHalf = await approvedReview(2, split([1, 50], [2, 50]));
    const toQuarter = await approvedReview(2, split([1, 75], [2, 25]));
    expect(await promoteReview({ ...as("EDITOR"), number: toHalf })).toMatchObject({
      kind: "release-ramp",
      releaseId: id,
      fromArms: split([1, 90], [2, 10]),
      arms: split([1, 50], [2, 50]),
    });
    // The ramp keeps every unit already on v2 there, and brings about half of everyone.
    const atHalf = await servedVersions();
    expect(canaryUnits.filter((unit) => atHalf.get(unit) !== 2)).toEqual([]);
    expect(unitsOn(atHalf, 2).length).toBeGreaterThan(440);
    expect(unitsOn(atHalf, 2).length).toBeLessThan(560);
    expect(
      (await db.review.findFirstOrThrow({ where: { projectId: fixture.project.id, number: toQuarter } })).status,
    ).toBe("OPEN");
    await expect(promoteReview({ ...as("EDITOR"), number: toQuarter })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("it now runs v1 50 % · v2 50 %"),
    });

    // Abort needs no review, but an editor may not do it in a protected environment; a reviewer may.
    const abort = (role: ProjectRole) => call(role, "/[releaseId]/abort", "POST", {}, id);
    expect((await abort("EDITOR")).status).toBe(403);
    const aborted = await abort("REVIEWER");
    expect(aborted.status).toBe(200);
    expect(await pointer("production")).toMatchObject({ version: 1, releaseId: null });
    // The abort sends everyone back to the base.
    expect(unitsOn(await servedVersions(), 1)).toHaveLength(1000);

    // Promoting one arm to 100 % is a review of that version.
    const second = await promoteReview({ ...as("EDITOR"), number: await approvedReview(3, split([1, 90], [3, 10])) });
    const whole = await promoteReview({ ...as("EDITOR"), number: await approvedReview(3) });
    expect(whole).toMatchObject({ kind: "release-promote", toVersion: 3, releaseId: second.releaseId });
    expect(await db.release.findUniqueOrThrow({ where: { id: second.releaseId! } })).toMatchObject({
      status: "promoted",
      endVersion: 3,
    });
    expect(await pointer("production")).toMatchObject({ version: 3, releaseId: null });
  });

  it("gates a split's new versions like a deploy of them (admins may override), and never an abort", async () => {
    await placeVersion({
      projectId: fixture.project.id,
      promptId,
      slug: "development",
      version: 1,
      by: member("ADMIN"),
    });
    const development = await db.environment.findFirstOrThrow({
      where: { projectId: fixture.project.id, slug: "development" },
    });
    const { dataset } = await seedDatasetVersion({
      projectId: fixture.project.id,
      userId: member("ADMIN").id,
      rows: [{ values: { name: "x" } }],
    });
    await db.environmentGate.create({
      data: {
        environmentId: development.id,
        projectId: fixture.project.id,
        datasetId: dataset.id,
        evaluatorIds: ["exact"],
        minPassRate: 0.9,
      },
    });
    const gated = await start("EDITOR", "development", split([1, 90], [2, 10]));
    expect(gated.status).toBe(409);
    expect(gated.json.error.details).toMatchObject({ gate: { state: "not-run" }, version: 2 });

    const { release } = await changeRelease({
      ctx: ctxFor(member("ADMIN")),
      projectId: fixture.project.id,
      projectSlug: fixture.project.slug,
      actor: as("ADMIN").actor,
      promptId,
      step: { kind: "start", environmentSlug: "development", arms: split([1, 90], [2, 10]) },
      gateOverrideReason: "Canary on development, watched by hand",
    });
    expect(
      await db.auditEntry.count({ where: { projectId: fixture.project.id, action: "deployment.gate-override" } }),
    ).toBe(1);
    const aborted = await call("EDITOR", "/[releaseId]/abort", "POST", {}, release!.id);
    expect(aborted.status).toBe(200);
    expect(await pointer("development")).toMatchObject({ version: 1, releaseId: null });
  });
});
