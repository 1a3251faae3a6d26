// Starting and cancelling eval runs over HTTP: the studio and review-page route (a member's
// session) and CI's /api/evals with an API key, waiting for the verdict against production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { startEvalWorker, type EvalWorker } from "@/lib/eval-runs/start-eval-worker";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { saveProvider } from "@/lib/providers/save-provider";
import { createReview } from "@/lib/reviews/create-review";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject } from "./helpers";
import { callRoute, signInAs } from "./route-client";

describe("eval runs over HTTP", () => {
  let fake: FakeOpenAI;
  let worker: EvalWorker;
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let cookie: string;
  let viewerCookie: string;
  let apiKey: string;
  let readKey: string;
  let promptId: string;
  let datasetId: string;
  let evaluatorId: string;
  const member = (role: string) => fixture.members.find((m) => m.role === role)!.user;
  const params = () => ({ project: fixture.project.slug });
  const asKey = (key: string) => ({ authorization: `Bearer ${key}` });
  /** What the tests read of an answer: a run (number, id, status, verdict) or an error. */
  type Body = Record<string, unknown> & {
    number: number;
    id: string;
    status: string;
    verdict: unknown;
    error: { details: { issues: Array<{ path: string; message: string }> } };
  };
  const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Body });

  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
    fixture = await makeProject(["OWNER", "EDITOR", "REVIEWER", "VIEWER"]);
    const projectId = fixture.project.id;
    const owner = member("OWNER");
    const ctx = ctxFor(owner);
    await saveProvider({
      ctx,
      projectId,
      input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
    });
    promptId = (
      await createPrompt({ ctx, projectId, input: { name: "ci/reply", type: "TEXT", description: "", tags: [] } })
    ).id;
    const contract = { variables: [{ name: "question", type: "string" as const, required: true }] };
    // v1 repeats the question (what production runs); v2 forgets it: a regression the verdict must catch.
    for (const [n, template] of [
      [1, "{{question}}"],
      [2, "I cannot help with that."],
    ] as const)
      await saveVersion({
        ctx,
        projectId,
        promptId,
        authorId: owner.id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template, contract, modelConfig: { model: "fake-echo" } },
      });
    const production = await db.environment.findUniqueOrThrow({
      where: { projectId_slug: { projectId, slug: "production" } },
    });
    await db.environmentPrompt.create({ data: { environmentId: production.id, promptId, version: 1 } });
    const dataset = await db.dataset.create({
      data: { projectId, name: "golden", createdById: owner.id, latestVersion: 1 },
    });
    datasetId = dataset.id;
    const version = await db.datasetVersion.create({
      data: { datasetId, number: 1, rowCount: 4, createdById: owner.id },
    });
    for (let position = 0; position < 4; position++) {
      const row = await db.datasetRow.create({
        data: { datasetId, values: { question: `refund ${position}` } as Prisma.InputJsonValue, expected: "refund" },
      });
      await db.datasetVersionRow.create({ data: { versionId: version.id, position, rowId: row.id } });
    }
    evaluatorId = (
      await db.evaluator.create({
        data: { projectId, name: "mentions refund", kind: "contains", config: { values: [] }, createdById: owner.id },
      })
    ).id;
    const key = (scopes: Array<"prompts:read" | "prompts:write">) =>
      createApiKey({
        ctx,
        projectId,
        creator: { id: owner.id, name: owner.name },
        input: { name: "ci", scopes, expiresAt: null },
      }).then((k) => k.secret);
    apiKey = await key(["prompts:read", "prompts:write"]);
    readKey = await key(["prompts:read"]);
    cookie = await signInAs(member("EDITOR"));
    viewerCookie = await signInAs(member("VIEWER"));
    worker = startEvalWorker({ intervalMs: 100, concurrency: 4 });
  });
  afterAll(async () => {
    await worker.stop();
    await fake.close();
  });

  it("CI starts a run with an API key, waits, and reads a failing verdict that names the regression", async () => {
    const res = await json(
      await callRoute("api/evals/route.ts", {
        method: "POST",
        headers: asKey(apiKey),
        body: {
          prompt: "ci/reply",
          version: 2,
          dataset: "golden",
          evaluators: ["mentions refund"],
          maxRegression: 0.1,
          wait: 30,
        },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "finished",
      progress: { total: 8, done: 8, failed: 0 },
      columns: [
        { label: "v2", role: "candidate", version: 2, passRate: 0, meanScore: 0, errors: 0 },
        { label: "Production (v1)", role: "baseline", version: 1, passRate: 1, meanScore: 1, errors: 0 },
      ],
      verdict: {
        pass: false,
        reasons: [
          "Pass rate 0% is below the minimum 100%.",
          "Pass rate fell 100% below Production (v1) (100%); at most 10% is allowed.",
        ],
      },
      regressions: { rows: 4, positions: [0, 1, 2, 3] },
      url: `/p/${fixture.project.slug}/evals/${res.body.number}`,
    });
    const run = await db.evalRun.findUniqueOrThrow({
      where: { projectId_number: { projectId: fixture.project.id, number: res.body.number } },
    });
    expect(run).toMatchObject({ source: "api", criteria: { minPassRate: 1, maxRegression: 0.1 } });

    // Reading needs prompts:read only; the same answer.
    const read = await json(
      await callRoute("api/evals/[number]/route.ts", {
        method: "GET",
        params: { number: String(res.body.number) },
        headers: asKey(readKey),
      }),
    );
    expect(read).toEqual({ status: 200, body: res.body });
    // Starting needs prompts:write.
    const refused = await callRoute("api/evals/route.ts", {
      method: "POST",
      headers: asKey(readKey),
      body: { prompt: "ci/reply", version: 1, dataset: "golden", evaluators: ["mentions refund"] },
    });
    expect(refused.status).toBe(403);
  });

  it("CI evaluates unsaved content (a local prompt file) as a Draft column, and refuses a version and content together", async () => {
    const content = {
      template: "About {{question}}",
      contract: { variables: [{ name: "question", type: "string", required: true }] },
      modelConfig: { model: "fake-echo" },
    };
    const res = await json(
      await callRoute("api/evals/route.ts", {
        method: "POST",
        headers: asKey(apiKey),
        body: { prompt: "ci/reply", content, dataset: "golden", evaluators: ["mentions refund"], wait: 30 },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "finished",
      columns: [
        { label: "Draft", role: "candidate", version: null, passRate: 1 },
        { role: "baseline", version: 1, passRate: 1 },
      ],
      verdict: { pass: true },
    });
    for (const body of [
      { prompt: "ci/reply", version: 1, content, dataset: "golden", evaluators: ["mentions refund"] },
      { prompt: "ci/reply", dataset: "golden", evaluators: ["mentions refund"] },
    ]) {
      const refused = await json(
        await callRoute("api/evals/route.ts", { method: "POST", headers: asKey(apiKey), body }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body.error.details.issues).toEqual([
        { path: "version", message: "Send either the version to evaluate or its content (one of the two)." },
      ]);
    }
  });

  it("CI runs as an environment's gate would judge: the gate's dataset, evaluators and limits, against what it runs", async () => {
    const production = await db.environment.findUniqueOrThrow({
      where: { projectId_slug: { projectId: fixture.project.id, slug: "production" } },
    });
    await db.environmentGate.create({
      data: {
        environmentId: production.id,
        projectId: fixture.project.id,
        datasetId,
        evaluatorIds: [evaluatorId],
        minPassRate: 0.5,
      },
    });
    try {
      const start = async (body: Record<string, unknown>) =>
        json(await callRoute("api/evals/route.ts", { method: "POST", headers: asKey(apiKey), body }));
      const failing = await start({ prompt: "ci/reply", version: 2, gate: "production", wait: 30 });
      expect(failing.body).toMatchObject({
        status: "finished",
        columns: [
          { label: "v2", passRate: 0 },
          { label: "Production (v1)", role: "baseline", passRate: 1 },
        ],
        regressions: { rows: 4 },
        verdict: { pass: false, reasons: ["Pass rate 0% is below the minimum 50%."] },
      });
      const passing = await start({ prompt: "ci/reply", version: 1, gate: "production", baseline: null, wait: 30 });
      expect(passing.body).toMatchObject({
        columns: [{ label: "v1", passRate: 1 }],
        regressions: null,
        verdict: { pass: true, reasons: ["Pass rate 100% meets the minimum 50%."] },
      });
      const noGate = await start({ prompt: "ci/reply", version: 1, gate: "staging" });
      expect([noGate.status, noGate.body.error.details.issues]).toEqual([
        422,
        [{ path: "gate", message: "Staging has no evaluation gate; name a dataset and evaluators instead." }],
      ]);
      const both = await start({ prompt: "ci/reply", version: 1, gate: "production", dataset: "golden" });
      expect([both.status, both.body.error.details.issues]).toEqual([
        422,
        [{ path: "gate", message: "The gate names the dataset and evaluators: leave dataset and evaluators out." }],
      ]);
    } finally {
      await db.environmentGate.delete({ where: { environmentId: production.id } });
    }
  });

  it("CI names what it cannot find, field by field, and answers at once without wait", async () => {
    const missing = await json(
      await callRoute("api/evals/route.ts", {
        method: "POST",
        headers: asKey(apiKey),
        body: { prompt: "ci/reply", version: 1, dataset: "golden", evaluators: ["mentions refund", "polite"] },
      }),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.issues).toEqual([
      { path: "evaluators", message: "No evaluator named polite in this project." },
    ]);
    const started = await json(
      await callRoute("api/evals/route.ts", {
        method: "POST",
        headers: asKey(apiKey),
        body: { prompt: "ci/reply", version: 1, dataset: "golden", evaluators: ["mentions refund"], baseline: null },
      }),
    );
    expect(started.status).toBe(200);
    expect(["queued", "running"]).toContain(started.body.status);
    expect(started.body.verdict).toEqual({ pass: null, reasons: ["The run has not finished."] });
    const unknown = await callRoute("api/evals/[number]/route.ts", {
      method: "GET",
      params: { number: "999999" },
      headers: asKey(readKey),
    });
    expect(unknown.status).toBe(404);
  });

  it("a member starts a run from the studio and cancels it; a viewer may not", async () => {
    const body = { promptId, candidate: { version: 2 }, datasetId, evaluatorIds: [evaluatorId] };
    const refused = await callRoute("api/projects/[project]/eval-runs/route.ts", {
      method: "POST",
      params: params(),
      cookie: viewerCookie,
      body,
    });
    expect(refused.status).toBe(403);
    const bad = await json(
      await callRoute("api/projects/[project]/eval-runs/route.ts", {
        method: "POST",
        params: params(),
        cookie,
        body: { ...body, evaluatorIds: [] },
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.issues).toEqual([
      { path: "evaluatorIds", message: "Choose at least one evaluator." },
    ]);

    // Stop the worker first, so the run is still queued when it is cancelled.
    await worker.stop();
    const started = await json(
      await callRoute("api/projects/[project]/eval-runs/route.ts", { method: "POST", params: params(), cookie, body }),
    );
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      number: expect.any(Number),
      href: `/p/${fixture.project.slug}/evals/${started.body.number}`,
    });
    const cancel = () =>
      callRoute("api/projects/[project]/eval-runs/[number]/cancel/route.ts", {
        method: "POST",
        params: { ...params(), number: String(started.body.number) },
        cookie,
      }).then(json);
    expect(await cancel()).toEqual({ status: 200, body: { number: started.body.number, status: "cancelled" } });
    const again = await cancel();
    expect(again.status).toBe(409);
    expect(await db.evalResult.count({ where: { runId: started.body.id, status: "cancelled" } })).toBe(8);
    worker = startEvalWorker({ intervalMs: 100, concurrency: 4 });
  });

  it("the review page runs the review's version against its environment", async () => {
    const review = await createReview({
      ctx: ctxFor(member("EDITOR")),
      project: fixture.project,
      actor: { id: member("EDITOR").id, name: member("EDITOR").name, role: "EDITOR" },
      input: {
        promptId,
        version: 2,
        environment: "production",
        reviewerIds: [member("REVIEWER").id],
        title: "",
        description: "",
      },
    });
    // Production has no gate here, so the run needs a dataset and evaluators.
    const noGate = await json(
      await callRoute("api/projects/[project]/eval-runs/route.ts", {
        method: "POST",
        params: params(),
        cookie,
        body: { reviewNumber: review.number },
      }),
    );
    expect(noGate.status).toBe(422);
    expect(noGate.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      "datasetId",
      "evaluatorIds",
    ]);
    const started = await json(
      await callRoute("api/projects/[project]/eval-runs/route.ts", {
        method: "POST",
        params: params(),
        cookie,
        body: { reviewNumber: review.number, datasetId, evaluatorIds: [evaluatorId] },
      }),
    );
    expect(started.status).toBe(200);
    const run = await db.evalRun.findUniqueOrThrow({ where: { id: started.body.id }, include: { columns: true } });
    expect(run).toMatchObject({ source: "review", reviewId: review.id });
    expect(run.columns.map((c) => [c.role, c.version, c.environmentSlug])).toEqual([
      ["candidate", 2, null],
      ["baseline", 1, "production"],
    ]);
  });
});
