// Environment evaluation gates: an admin sets one (dataset, evaluators, minimum pass rate, maximum
// regression); a version then reaches the environment through every path (studio deploy, review
// promotion, CI's versions+deploy) only with a passing eval run of exactly that version, unless an
// admin overrides with a reason; emergency rollbacks are not gated. Runs are seeded as rows here:
// the engine that writes real ones is tested on its own.
import { beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { movePointer } from "@/lib/deployments/move-pointer";
import { listDeployments } from "@/lib/environments/list-deployments";
import { createEnvironment, deleteEnvironment } from "@/lib/environments/manage-environments";
import { checkGate } from "@/lib/gates/check-gate";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";

import { ctxFor, makeProject } from "./helpers";
import { renderPage } from "./render-page";
import { callRoute, signInAs } from "./route-client";

const NAME = "support/gated";
const ROWS = 10;

describe("evaluation gates", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let other: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  let env: Record<"development" | "staging" | "production", { id: string; name: string; slug: string }>;
  let dataset: { id: string; v1: string; v2: string; rows: string[] };
  let evaluators: { a: string; b: string; extra: string };
  let otherDatasetId: string;
  const cookies: Partial<Record<ProjectRole, string>> = {};
  let writeKey: string;
  let runNumber = 0;

  const member = (role: ProjectRole) => f.members.find((m) => m.role === role)!.user;
  const as = (role: ProjectRole) => ({
    ctx: ctxFor(member(role)),
    project: f.project,
    actor: { id: member(role).id, name: member(role).name, role },
  });
  const studio = (role: ProjectRole, route: string, call: Parameters<typeof callRoute>[1]) =>
    callRoute(`api/projects/[project]/${route}`, {
      ...call,
      cookie: cookies[role],
      params: { project: f.project.slug, promptId, ...call.params },
    });
  const gateRoute = (role: ProjectRole, environment: string, call: Omit<Parameters<typeof callRoute>[1], "params">) =>
    studio(role, "environments/[environment]/gate/route.ts", { ...call, params: { environment } });
  const deploy = (role: ProjectRole, body: Record<string, unknown>) =>
    studio(role, "prompts/[promptId]/deployments/route.ts", { method: "POST", body });
  const pointer = async (slug: keyof typeof env) =>
    (
      await db.environmentPrompt.findUnique({
        where: { environmentId_promptId: { environmentId: env[slug].id, promptId } },
      })
    )?.version ?? null;
  /** The review page's HTML as `role` sees it. */
  async function reviewPage(role: ProjectRole, number: number) {
    const { default: ReviewPage } = await import("@/app/p/[project]/reviews/[number]/page");
    return renderPage({
      file: "p/[project]/reviews/[number]/page.tsx",
      url: `/p/${f.project.slug}/reviews/${number}`,
      cookie: cookies[role]!,
      render: () => ReviewPage({ params: Promise.resolve({ project: f.project.slug, number: String(number) }) }),
    });
  }
  const check = (slug: keyof typeof env, version: number) =>
    checkGate({ projectId: f.project.id, environmentId: env[slug].id, promptId, version });

  /**
   * One eval run as the engine leaves it: a candidate column of `version` (and a baseline column)
   * with one result per row; the first `passes` rows pass every scored evaluator, the rest fail
   * `failing` (default: all of them); `errors` rows at the end failed to call the model.
   */
  async function seedRun(opts: {
    version: number;
    passes: number;
    baseline?: { version: number; passes: number };
    datasetVersionId?: string;
    evaluatorIds?: string[];
    status?: string;
    errors?: number;
    failing?: string[];
  }) {
    const ids = opts.evaluatorIds ?? [evaluators.a, evaluators.b];
    const status = opts.status ?? "finished";
    const run = await db.evalRun.create({
      data: {
        projectId: f.project.id,
        number: ++runNumber,
        promptId,
        datasetId: dataset.id,
        datasetVersionId: opts.datasetVersionId ?? dataset.v2,
        status,
        evaluators: ids.map((id) => ({ id, name: id, kind: "contains", config: {}, negate: false, weight: 1 })),
        createdById: member("EDITOR").id,
        totalItems: ROWS * (opts.baseline ? 2 : 1),
        doneItems: status === "finished" ? ROWS * (opts.baseline ? 2 : 1) : 3,
        source: "review",
      },
    });
    const columns = [
      { role: "candidate", version: opts.version, passes: opts.passes },
      ...(opts.baseline ? [{ role: "baseline", ...opts.baseline }] : []),
    ];
    for (const [position, column] of columns.entries()) {
      const created = await db.evalColumn.create({
        data: {
          runId: run.id,
          position,
          role: column.role,
          label: `v${column.version}`,
          version: column.version,
          content: {},
        },
      });
      const errors = column.role === "candidate" ? (opts.errors ?? 0) : 0;
      await db.evalResult.createMany({
        data: dataset.rows.map((rowId, row) => {
          const errored = status === "finished" && row >= ROWS - errors;
          const done = status === "finished" && !errored;
          const pass = row < column.passes;
          return {
            runId: run.id,
            columnId: created.id,
            rowId,
            position: row,
            status: errored ? "error" : done ? "done" : "pending",
            ...(done
              ? {
                  scores: ids.map((evaluatorId) => ({
                    evaluatorId,
                    pass: pass || !(opts.failing ?? ids).includes(evaluatorId),
                    score: pass ? 1 : 0,
                  })),
                  pass,
                  score: pass ? 1 : 0,
                  output: "answer",
                }
              : {}),
          };
        }),
      });
    }
    return run.number;
  }

  const setGate = (slug: string, body: Record<string, unknown>) =>
    gateRoute("ADMIN", slug, {
      method: "PUT",
      body: { datasetId: dataset.id, evaluatorIds: [evaluators.a, evaluators.b], ...body },
    });

  beforeAll(async () => {
    await applyMigrations();
    f = await makeProject(["OWNER", "ADMIN", "REVIEWER", "EDITOR", "VIEWER"]);
    other = await makeProject(["OWNER"]);
    const editor = member("EDITOR");
    promptId = (
      await createPrompt({
        ctx: ctxFor(editor),
        projectId: f.project.id,
        input: { name: NAME, type: "TEXT", description: "", tags: [] },
      })
    ).id;
    for (const n of [1, 2, 3, 4])
      await saveVersion({
        ctx: ctxFor(editor),
        projectId: f.project.id,
        promptId,
        authorId: editor.id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template: `Hello v${n}`, contract: { variables: [] }, modelConfig: {} },
      });
    const environments = await db.environment.findMany({ where: { projectId: f.project.id } });
    const bySlug = (slug: string) => environments.find((e) => e.slug === slug)!;
    env = { development: bySlug("development"), staging: bySlug("staging"), production: bySlug("production") };

    const created = await db.dataset.create({
      data: { projectId: f.project.id, name: "golden", createdById: editor.id, latestVersion: 2 },
    });
    const rows = [];
    for (let i = 0; i < ROWS; i++)
      rows.push((await db.datasetRow.create({ data: { datasetId: created.id, values: { i } } })).id);
    const v1 = await db.datasetVersion.create({
      data: { datasetId: created.id, number: 1, rowCount: ROWS, createdById: editor.id },
    });
    const v2 = await db.datasetVersion.create({
      data: { datasetId: created.id, number: 2, rowCount: ROWS, createdById: editor.id },
    });
    for (const version of [v1, v2])
      await db.datasetVersionRow.createMany({
        data: rows.map((rowId, position) => ({ versionId: version.id, position, rowId })),
      });
    dataset = { id: created.id, v1: v1.id, v2: v2.id, rows };
    const evaluator = async (name: string) =>
      (
        await db.evaluator.create({
          data: { projectId: f.project.id, name, kind: "contains", config: {}, createdById: editor.id },
        })
      ).id;
    evaluators = {
      a: await evaluator("polite"),
      b: await evaluator("mentions refund"),
      extra: await evaluator("short"),
    };
    otherDatasetId = (
      await db.dataset.create({
        data: { projectId: other.project.id, name: "theirs", createdById: other.members[0]!.user.id, latestVersion: 1 },
      })
    ).id;

    // Production ran v1 before any gate existed (the emergency rollback below goes back to it).
    const owner = member("OWNER");
    await servingTransaction(f.project.id, (tx) =>
      movePointer({
        tx,
        ctx: ctxFor(owner),
        projectId: f.project.id,
        environment: env.production,
        prompt: { id: promptId, name: NAME },
        actor: { id: owner.id, name: owner.name },
        version: 1,
        reason: "before the gate",
        kind: "deploy",
      }),
    );
    for (const role of ["ADMIN", "REVIEWER", "EDITOR", "VIEWER"] as const) cookies[role] = await signInAs(member(role));
    writeKey = (
      await createApiKey({
        ctx: ctxFor(owner),
        projectId: f.project.id,
        creator: { id: owner.id, name: owner.name },
        input: { name: "ci", scopes: ["prompts:read", "prompts:write"], expiresAt: null },
      })
    ).secret;
  });

  it("lets admins set, read and remove a gate, audited, naming the field of a bad dataset or evaluator", async () => {
    const foreign = await setGate("development", { datasetId: otherDatasetId, minPassRate: 0.5, maxRegression: null });
    expect(foreign.status).toBe(422);
    expect(await foreign.json()).toMatchObject({
      error: { details: { issues: [{ path: "datasetId", message: "Choose a dataset of this project." }] } },
    });
    const badRate = await setGate("development", { minPassRate: 90, maxRegression: null });
    expect(badRate.status).toBe(422);
    expect(await badRate.json()).toMatchObject({ error: { details: { issues: [{ path: "minPassRate" }] } } });
    const unknownEvaluator = await setGate("development", {
      evaluatorIds: [evaluators.a, "nope"],
      minPassRate: 0.5,
      maxRegression: null,
    });
    expect(await unknownEvaluator.json()).toMatchObject({
      error: { details: { issues: [{ path: "evaluatorIds", message: expect.stringContaining("nope") }] } },
    });

    const editorTry = await gateRoute("EDITOR", "development", {
      method: "PUT",
      body: { datasetId: dataset.id, evaluatorIds: [evaluators.a], minPassRate: 0.5, maxRegression: null },
    });
    expect(editorTry.status).toBe(403);
    const set = await setGate("development", { minPassRate: 0.5, maxRegression: 0.1 });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
      gate: {
        environment: { slug: "development" },
        dataset: { id: dataset.id, name: "golden", latestVersion: 2 },
        evaluators: [
          { id: evaluators.a, name: "polite" },
          { id: evaluators.b, name: "mentions refund" },
        ],
        minPassRate: 0.5,
        maxRegression: 0.1,
      },
    });
    const { default: SettingsPage } = await import("@/app/p/[project]/settings/environments/page");
    const settings = await renderPage({
      file: "p/[project]/settings/environments/page.tsx",
      url: `/p/${f.project.slug}/settings/environments`,
      cookie: cookies.ADMIN!,
      render: () => SettingsPage({ params: Promise.resolve({ project: f.project.slug }) }),
    });
    expect(settings).toMatch(
      /data-testid="gate-development-summary">A version needs a passing run over <strong>golden<\/strong> \(its latest version, v2\) scored by polite, mentions refund: at least 50% of rows pass, and at most 10 points below the version Development runs now\.<\/p>/,
    );
    expect(settings).toMatch(/<button[^>]*>.*Change gate<\/button>/);
    expect(settings).toMatch(/No gate: any version can go to Staging/);
    const read = await gateRoute("VIEWER", "development", { method: "GET" });
    expect(await read.json()).toMatchObject({ gate: { minPassRate: 0.5 } });
    expect(await (await gateRoute("VIEWER", "staging", { method: "GET" })).json()).toEqual({ gate: null });

    expect((await gateRoute("ADMIN", "development", { method: "DELETE" })).status).toBe(200);
    const again = await gateRoute("ADMIN", "development", { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: { message: "Development has no evaluation gate." } });
    const audit = await db.auditEntry.findMany({
      where: { projectId: f.project.id, targetId: env.development.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["environment.gate-set", "environment.gate-remove"]);
    expect(audit[0]!.after).toMatchObject({ environment: "development", minimumRate: 0.5, maxRegression: 0.1 });
  });

  it("reads a version's standing from the newest matching run: not run, running, failed with numbers, passed", async () => {
    expect(await check("staging", 2)).toMatchObject({ state: "none", reason: "Staging has no evaluation gate." });
    expect((await setGate("staging", { minPassRate: 0.8, maxRegression: null })).status).toBe(200);

    expect(await check("staging", 2)).toMatchObject({
      state: "not-run",
      reason: expect.stringContaining(`v2 has no evaluation over "golden" v2 (the dataset's latest version)`),
    });
    // Runs that do not count: over the dataset's older version, or without one of the gate's evaluators.
    await seedRun({ version: 2, passes: 10, datasetVersionId: dataset.v1 });
    await seedRun({ version: 2, passes: 10, evaluatorIds: [evaluators.a] });
    await seedRun({ version: 3, passes: 10 });
    expect((await check("staging", 2)).state).toBe("not-run");

    const running = await seedRun({ version: 2, passes: 0, status: "running" });
    expect(await check("staging", 2)).toMatchObject({
      state: "running",
      run: { number: running, doneItems: 3, totalItems: 10 },
      reason: `Staging's evaluation gate: run #${running} of v2 is still running (3 of 10 results done).`,
    });

    // Errored rows count as not passed: 6 pass, 2 fail, 2 errored → 60%.
    const failed = await seedRun({ version: 2, passes: 6, errors: 2 });
    const failing = await check("staging", 2);
    expect(failing).toMatchObject({
      state: "failed",
      run: { number: failed, passed: 6, total: 10, passRate: 0.6 },
      reason: `Staging's evaluation gate: v2 passed 6 of 10 rows (60%), below the required 80% (run #${failed}).`,
    });

    // Only the gate's evaluators decide a row: an extra evaluator failing every row does not fail the gate.
    const passed = await seedRun({
      version: 2,
      passes: 0,
      evaluatorIds: [evaluators.a, evaluators.b, evaluators.extra],
      failing: [evaluators.extra],
    });
    expect(await check("staging", 2)).toMatchObject({
      state: "passed",
      run: { number: passed, passed: 10, total: 10, passRate: 1 },
    });
    const read = await gateRoute("VIEWER", "staging", { method: "GET", search: `?promptId=${promptId}&version=2` });
    expect(await read.json()).toMatchObject({ gate: { minPassRate: 0.8 }, check: { state: "passed" } });
  });

  it("measures regression against a baseline column of what the environment runs now", async () => {
    expect((await setGate("production", { minPassRate: 0.5, maxRegression: 0.05 })).status).toBe(200);
    // Production runs v1: a run of v3 without v1 as baseline does not count.
    await seedRun({ version: 3, passes: 10 });
    expect(await check("production", 3)).toMatchObject({
      state: "not-run",
      reason: expect.stringContaining("and v1, which Production runs now, as baseline"),
    });
    const worse = await seedRun({ version: 3, passes: 8, baseline: { version: 1, passes: 9 } });
    expect(await check("production", 3)).toMatchObject({
      state: "failed",
      run: { number: worse, passRate: 0.8, baselinePassRate: 0.9 },
      reason: `Production's evaluation gate: v3 passed 8 of 10 rows (80%), 10 points below v1 (90%), which Production runs now; at most 5 points allowed (run #${worse}).`,
    });
    expect((await check("production", 3)).run!.regression).toBeCloseTo(0.1);
  });

  it("refuses a studio deploy to a gated environment with 409 until a run of exactly that version passes", async () => {
    expect((await setGate("development", { minPassRate: 0.9, maxRegression: null })).status).toBe(200);
    await seedRun({ version: 3, passes: 9 });
    await seedRun({ version: 4, passes: 5 });
    const refused = await deploy("EDITOR", { environment: "development", version: 4 });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: {
        code: "conflict",
        message: expect.stringMatching(
          /^Development's evaluation gate: v4 passed 5 of 10 rows \(50%\), below the required 90% \(run #\d+\)\.$/,
        ),
        details: { gate: { state: "failed", run: { passed: 5, total: 10 } } },
      },
    });
    expect(await pointer("development")).toBeNull();
    // An editor cannot talk their way past it.
    const editorOverride = await deploy("EDITOR", {
      environment: "development",
      version: 4,
      gateOverrideReason: "trust me",
    });
    expect(editorOverride.status).toBe(403);
    expect(await pointer("development")).toBeNull();

    const ok = await deploy("EDITOR", { environment: "development", version: 3 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ toVersion: 3, kind: "deploy" });
    expect(await pointer("development")).toBe(3);
    const row = await db.deployment.findFirstOrThrow({
      where: { environmentId: env.development.id, promptId },
      orderBy: { createdAt: "desc" },
    });
    expect(row.gateOverride).toBeNull();
  });

  it("refuses CI's versions+deploy to a gated environment up front, saving nothing", async () => {
    const before = await db.promptVersion.count({ where: { promptId } });
    const res = await callRoute("api/prompts/[...name]/route.ts", {
      method: "POST",
      params: { name: [...NAME.split("/"), "versions"] },
      headers: { authorization: `Bearer ${writeKey}` },
      body: {
        content: { template: "Hello from CI", contract: { variables: [] }, modelConfig: {} },
        message: "from CI",
        deploy: ["development"],
      },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: {
        code: "conflict",
        message: expect.stringMatching(
          /^Development's evaluation gate: a version saved by this request has no evaluation run yet/,
        ),
        details: { gate: { state: "not-run" } },
      },
    });
    expect(await db.promptVersion.count({ where: { promptId } })).toBe(before);
    expect(await pointer("development")).toBe(3);
  });

  it("refuses promoting a review into a gated environment; a reviewer cannot override, an admin can with a reason", async () => {
    const review = await createReview({
      ...as("EDITOR"),
      input: {
        promptId,
        version: 3,
        environment: "production",
        reviewerIds: [member("REVIEWER").id],
        title: "Friendlier",
        description: "",
      },
    });
    await decideReview({ ...as("REVIEWER"), number: review.number, decision: "approve", body: "" });
    const promote = (role: ProjectRole, body: Record<string, unknown>) =>
      studio(role, "reviews/[number]/promote/route.ts", {
        method: "POST",
        params: { number: String(review.number) },
        body,
      });

    // The review page says why before anyone clicks: the gate's numbers, the run, a locked Promote;
    // "Promote anyway" only for an admin.
    const adminView = await reviewPage("ADMIN", review.number);
    expect(adminView).toContain('data-testid="gate-state">Failed</span>');
    expect(adminView).toMatch(/data-testid="gate-numbers">.*v3: <\/dt><dd class="inline">8 of 10 rows passed \(80%\)/);
    expect(adminView).toMatch(new RegExp(`href="/p/${f.project.slug}/evals/\\d+">See run #\\d+</a>`));
    const promoteButton = /<button([^>]*)>Promote v3 to Production<\/button>/.exec(adminView)?.[1] ?? "";
    expect(promoteButton).toContain('disabled=""');
    expect(promoteButton).toMatch(
      /title="Production&#x27;s evaluation gate: v3 passed 8 of 10 rows \(80%\), 10 points below v1/,
    );
    expect(adminView).toMatch(/<button[^>]*>.*Promote anyway<\/button>/);
    expect(adminView).toMatch(/<button[^>]*>.*Run evaluation<\/button>/);
    const reviewerView = await reviewPage("REVIEWER", review.number);
    expect(reviewerView).toContain('data-testid="gate-state">Failed</span>');
    expect(reviewerView).not.toContain("Promote anyway");

    const refused = await promote("EDITOR", {});
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: {
        message: expect.stringMatching(
          /^Production's evaluation gate: v3 passed 8 of 10 rows \(80%\), 10 points below v1/,
        ),
      },
    });
    const byReviewer = await promote("REVIEWER", { gateOverrideReason: "Looks fine to me" });
    expect(byReviewer.status).toBe(403);
    expect(await byReviewer.json()).toMatchObject({
      error: { message: expect.stringMatching(/^Only admins and owners can override an evaluation gate\./) },
    });
    expect(await pointer("production")).toBe(1);
    expect(
      (await db.review.findFirstOrThrow({ where: { projectId: f.project.id, number: review.number } })).status,
    ).toBe("APPROVED");

    const blank = await promote("ADMIN", { gateOverrideReason: "   " });
    expect(blank.status).toBe(422);
    const byAdmin = await promote("ADMIN", { gateOverrideReason: "Legal asked for the new wording today" });
    expect(byAdmin.status).toBe(200);
    expect(await byAdmin.json()).toMatchObject({
      toVersion: 3,
      kind: "review",
      gateOverride: "Legal asked for the new wording today",
    });
    expect(await pointer("production")).toBe(3);
    const [shown] = await listDeployments({ projectId: f.project.id, environmentId: env.production.id, promptId });
    expect(shown).toMatchObject({ toVersion: 3, gateOverride: "Legal asked for the new wording today" });
    const { default: EnvironmentsPage } = await import("@/app/p/[project]/environments/page");
    const timeline = await renderPage({
      file: "p/[project]/environments/page.tsx",
      url: `/p/${f.project.slug}/environments?env=production`,
      cookie: cookies.VIEWER!,
      render: () =>
        EnvironmentsPage({
          params: Promise.resolve({ project: f.project.slug }),
          searchParams: Promise.resolve({ env: "production" }),
        }),
    });
    expect(timeline).toContain(
      'data-testid="gate-override">evaluation gate overridden: “Legal asked for the new wording today”</span>',
    );
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { projectId: f.project.id, action: "deployment.gate-override" },
    });
    expect(audit.after).toMatchObject({
      environment: "production",
      version: 3,
      reason: "Legal asked for the new wording today",
      gate: "failed",
      gateReason: expect.stringContaining("10 points below v1"),
      run: { rate: 0.8 },
    });
  });

  it("does not gate an emergency rollback to a version the environment ran before", async () => {
    // v1 has no run at all: through any other path the gate would refuse it.
    expect((await check("production", 1)).state).toBe("not-run");
    const res = await deploy("ADMIN", {
      environment: "production",
      version: 1,
      emergencyRollback: true,
      reason: "v3 is answering in the wrong language",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ toVersion: 1, kind: "emergency-rollback" });
    expect(await pointer("production")).toBe(1);
    const row = await db.deployment.findFirstOrThrow({
      where: { environmentId: env.production.id, promptId },
      orderBy: { createdAt: "desc" },
    });
    expect(row.gateOverride).toBeNull();
  });

  it("goes with its environment, and keeps the dataset it uses from being deleted underneath it", async () => {
    const owner = member("OWNER");
    const qa = await createEnvironment({
      ctx: ctxFor(owner),
      projectId: f.project.id,
      name: "Gated QA",
      protected: false,
      requiredApprovals: 1,
    });
    const gatesBefore = await db.environmentGate.count({ where: { projectId: f.project.id, datasetId: dataset.id } });
    expect((await setGate(qa.slug, { minPassRate: 0.5, maxRegression: null })).status).toBe(200);
    expect(await db.environmentGate.count({ where: { projectId: f.project.id, datasetId: dataset.id } })).toBe(
      gatesBefore + 1,
    );
    // The database refuses what lib/datasets refuses first with a 409 naming the gate.
    await expect(db.dataset.delete({ where: { id: dataset.id } })).rejects.toThrow();
    await deleteEnvironment({ ctx: ctxFor(owner), projectId: f.project.id, slug: qa.slug, confirm: true });
    expect(await db.environmentGate.count({ where: { projectId: f.project.id, datasetId: dataset.id } })).toBe(
      gatesBefore,
    );
  });
});
