// The gate against real eval runs: "Run evaluation" on a review starts a run through the route, the
// eval worker scores it against the fake OpenAI server, and the gate reads that run: a version that
// fails stays out of production, one that passes is promoted. (gates.test.ts covers every state and
// path on seeded runs; this ties the gate to what the engine actually writes.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { startEvalWorker, type EvalWorker } from "@/lib/eval-runs/start-eval-worker";
import { checkGate } from "@/lib/gates/check-gate";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { saveProvider } from "@/lib/providers/save-provider";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject, unique } from "./helpers";
import { callRoute, signInAs } from "./route-client";

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("evaluation gates over runs the engine writes", () => {
  let fake: FakeOpenAI;
  let worker: EvalWorker;
  let f: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  let production: { id: string };
  let cookie: string;
  const member = (role: ProjectRole) => f.members.find((m) => m.role === role)!.user;
  const as = (role: ProjectRole) => ({
    ctx: ctxFor(member(role)),
    project: f.project,
    actor: { id: member(role).id, name: member(role).name, role },
  });
  const studio = (route: string, call: Parameters<typeof callRoute>[1]) =>
    callRoute(`api/projects/[project]/${route}`, {
      ...call,
      cookie,
      params: { project: f.project.slug, ...call.params },
    });

  /** A review of `version` into production, approved, evaluated through "Run evaluation" and scored by the worker. */
  async function reviewAndEvaluate(version: number) {
    const review = await createReview({
      ...as("EDITOR"),
      input: {
        promptId,
        version,
        environment: "production",
        reviewerIds: [member("REVIEWER").id],
        title: `v${version}`,
        description: "",
      },
    });
    await decideReview({ ...as("REVIEWER"), number: review.number, decision: "approve", body: "" });
    const started = await studio("eval-runs/route.ts", { method: "POST", body: { reviewNumber: review.number } });
    expect(started.status).toBe(200);
    const { number } = (await started.json()) as { number: number };
    await until(`run #${number}`, async () =>
      ["finished", "failed", "cancelled"].includes(
        (await db.evalRun.findUniqueOrThrow({ where: { projectId_number: { projectId: f.project.id, number } } }))
          .status,
      ),
    );
    return { review: review.number, run: number };
  }
  const promote = (review: number) =>
    studio("reviews/[number]/promote/route.ts", { method: "POST", params: { number: String(review) }, body: {} });

  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
    f = await makeProject(["ADMIN", "REVIEWER", "EDITOR"]);
    const admin = member("ADMIN");
    const editor = member("EDITOR");
    await saveProvider({
      ctx: ctxFor(admin),
      projectId: f.project.id,
      input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
    });
    promptId = (
      await createPrompt({
        ctx: ctxFor(editor),
        projectId: f.project.id,
        input: { name: unique("gated/p"), type: "TEXT", description: "", tags: [] },
      })
    ).id;
    // The fake server echoes the prompt: v1 and v2 repeat the question, v3 forgets it.
    const contract = { variables: [{ name: "question", type: "string" as const, required: true }] };
    for (const [n, template] of [
      [1, "Q: {{question}}"],
      [2, "Answer: {{question}}"],
      [3, "Answer: I cannot say"],
    ] as const)
      await saveVersion({
        ctx: ctxFor(editor),
        projectId: f.project.id,
        promptId,
        authorId: editor.id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template, contract, modelConfig: { model: "fake-echo" } },
      });
    production = await db.environment.findUniqueOrThrow({
      where: { projectId_slug: { projectId: f.project.id, slug: "production" } },
    });
    await db.environmentPrompt.create({ data: { environmentId: production.id, promptId, version: 1 } });

    // Ten rows expecting their question back; the last one expects what no version says (90% at best).
    const dataset = await db.dataset.create({
      data: { projectId: f.project.id, name: "golden", createdById: editor.id, latestVersion: 1 },
    });
    const datasetVersion = await db.datasetVersion.create({
      data: { datasetId: dataset.id, number: 1, rowCount: 10, createdById: editor.id },
    });
    for (let i = 0; i < 10; i++) {
      const row = await db.datasetRow.create({
        data: { datasetId: dataset.id, values: { question: `q${i}` }, expected: i === 9 ? "nope" : `q${i}` },
      });
      await db.datasetVersionRow.create({ data: { versionId: datasetVersion.id, position: i, rowId: row.id } });
    }
    const evaluator = await db.evaluator.create({
      data: {
        projectId: f.project.id,
        name: "mentions the question",
        kind: "contains",
        config: { values: [] },
        createdById: admin.id,
      },
    });
    await db.environmentGate.create({
      data: {
        environmentId: production.id,
        projectId: f.project.id,
        datasetId: dataset.id,
        evaluatorIds: [evaluator.id],
        minPassRate: 0.9,
        maxRegression: 0.05,
      },
    });
    cookie = await signInAs(editor);
    worker = startEvalWorker({ intervalMs: 100 });
  });
  afterAll(async () => {
    await worker?.stop();
    await fake?.close();
  });

  it("keeps a version whose run fails out of production, and promotes one whose run passes", async () => {
    const bad = await reviewAndEvaluate(3);
    expect(
      await checkGate({ projectId: f.project.id, environmentId: production.id, promptId, version: 3 }),
    ).toMatchObject({ state: "failed", run: { number: bad.run, passed: 0, total: 10, baselinePassRate: 0.9 } });
    const refused = await promote(bad.review);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: {
        message: `Production's evaluation gate: v3 passed 0 of 10 rows (0%), below the required 90% (run #${bad.run}).`,
      },
    });

    const good = await reviewAndEvaluate(2);
    expect(
      await checkGate({ projectId: f.project.id, environmentId: production.id, promptId, version: 2 }),
    ).toMatchObject({ state: "passed", run: { number: good.run, passed: 9, total: 10, passRate: 0.9, regression: 0 } });
    const promoted = await promote(good.review);
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ fromVersion: 1, toVersion: 2, kind: "review" });
  });
});
