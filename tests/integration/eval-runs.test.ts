// The eval engine on a real database against the fake OpenAI server over HTTP: runs survive a
// worker stopping midway and a worker dying with rows claimed, rate limits are waited out, cancel
// stops the work, and however many workers share the queue, every row is scored exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { getEnv } from "@/lib/env";
import { cancelEvalRun } from "@/lib/eval-runs/cancel-eval-run";
import { claimEvalItems } from "@/lib/eval-runs/claim-eval-items";
import { commitEvalResults } from "@/lib/eval-runs/commit-eval-results";
import { startEvalRun } from "@/lib/eval-runs/start-eval-run";
import { startEvalWorker, type EvalWorker } from "@/lib/eval-runs/start-eval-worker";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { saveProvider } from "@/lib/providers/save-provider";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject, unique } from "./helpers";

const kind = process.env.GALLEY_TEST_DB === "postgres" ? "postgres" : "pglite";

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("eval runs: the engine", () => {
  let fake: FakeOpenAI;
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let projectId: string;
  let providerId: string;
  let evaluatorId: string;
  const editor = () => fixture.members.find((m) => m.role === "EDITOR")!.user;
  const workers: EvalWorker[] = [];
  const worker = (opts: Parameters<typeof startEvalWorker>[0] = {}) => {
    const w = startEvalWorker({ intervalMs: 100, ...opts });
    workers.push(w);
    return w;
  };

  /** A prompt whose versions call `model`, with v1 deployed to production (the baseline). */
  async function makePrompt(model: string) {
    const ctx = ctxFor(editor());
    const prompt = await createPrompt({
      ctx,
      projectId,
      input: { name: unique("evals/p"), type: "TEXT", description: "", tags: [] },
    });
    const contract = { variables: [{ name: "question", type: "string" as const, required: true }] };
    for (const [n, template] of [
      [1, "Q: {{question}}"],
      [2, "Answer: {{question}}"],
    ] as const)
      await saveVersion({
        ctx,
        projectId,
        promptId: prompt.id,
        authorId: editor().id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template, contract, modelConfig: { model } },
      });
    const production = await db.environment.findUniqueOrThrow({
      where: { projectId_slug: { projectId, slug: "production" } },
    });
    await db.environmentPrompt.create({ data: { environmentId: production.id, promptId: prompt.id, version: 1 } });
    return prompt.id;
  }

  /** A dataset version of `rows`; each row asks q<i> and expects it back, except where `expected` says otherwise. */
  async function makeDataset(rows: Array<{ values: Record<string, unknown>; expected: string }>) {
    const dataset = await db.dataset.create({
      data: { projectId, name: unique("ds"), createdById: editor().id, latestVersion: 1 },
    });
    const version = await db.datasetVersion.create({
      data: { datasetId: dataset.id, number: 1, rowCount: rows.length, createdById: editor().id },
    });
    for (const [position, row] of rows.entries()) {
      const stored = await db.datasetRow.create({
        data: { datasetId: dataset.id, values: row.values as Prisma.InputJsonValue, expected: row.expected },
      });
      await db.datasetVersionRow.create({ data: { versionId: version.id, position, rowId: stored.id } });
    }
    return dataset.id;
  }

  const questions = (n: number, failing = 0) =>
    Array.from({ length: n }, (_, i) => ({ values: { question: `q${i}` }, expected: i < failing ? "nope" : `q${i}` }));
  const runOf = (id: string) => db.evalRun.findUniqueOrThrow({ where: { id }, include: { columns: true } });
  const resultsOf = (runId: string) => db.evalResult.findMany({ where: { runId }, orderBy: { position: "asc" } });
  const requestsFor = (model: string) => fake.requests.filter((r) => r.model === model).length;
  const start = (
    promptId: string,
    datasetId: string,
    extra: Partial<Parameters<typeof startEvalRun>[0]["input"]> = {},
  ) =>
    startEvalRun({
      ctx: ctxFor(editor()),
      projectId,
      createdById: editor().id,
      source: "studio",
      input: { promptId, candidate: { version: 2 }, versions: [], datasetId, evaluatorIds: [evaluatorId], ...extra },
    });

  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
    fixture = await makeProject(["ADMIN", "EDITOR"]);
    projectId = fixture.project.id;
    const admin = fixture.members[0]!.user;
    providerId = (
      await saveProvider({
        ctx: ctxFor(admin),
        projectId,
        input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
      })
    ).id;
    // Passes when the answer contains the row's expected text.
    evaluatorId = (
      await db.evaluator.create({
        data: {
          projectId,
          name: "mentions the question",
          kind: "contains",
          config: { values: [] },
          createdById: admin.id,
        },
      })
    ).id;
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await fake.close();
  });

  it("runs 50 rows × candidate and baseline through 429s and a stop midway, and a dead worker's rows once its lease ends: every row scored exactly once", async () => {
    const model = "fake-flaky-429-every-7";
    const promptId = await makePrompt(model);
    const datasetId = await makeDataset(questions(50, 10));
    const { id } = await start(promptId, datasetId);
    const created = await runOf(id);
    expect(created).toMatchObject({ status: "queued", totalItems: 100, doneItems: 0, source: "studio" });
    expect(created.columns.map((c) => [c.role, c.label, c.version])).toEqual([
      ["candidate", "v2", 2],
      ["baseline", "Production (v1)", 1],
    ]);
    expect(await db.evalResult.count({ where: { runId: id, status: "pending" } })).toBe(100);
    expect(await db.auditEntry.count({ where: { projectId, action: "eval-run.start", targetId: id } })).toBe(1);

    // A worker that stops midway finishes what it holds and leaves the rest pending.
    const first = worker({ concurrency: 2 });
    await until("a third of the rows", async () => (await runOf(id)).doneItems >= 30);
    await first.stop();
    const midway = await runOf(id);
    expect(midway.status).toBe("running");
    expect(midway.doneItems).toBeGreaterThanOrEqual(30);
    expect(midway.doneItems).toBeLessThan(100);
    expect(await db.evalResult.count({ where: { runId: id, status: "done" } })).toBe(midway.doneItems);

    // A worker that dies holding rows: they come back to the queue when its lease runs out.
    const dead = await claimEvalItems({ limit: 3, leaseMs: 400 });
    expect(dead).toHaveLength(3);
    const second = worker({ concurrency: 4 });
    await until("the run to finish", async () => (await runOf(id)).status === "finished");
    await second.stop();

    const run = await runOf(id);
    const results = await resultsOf(id);
    expect(run).toMatchObject({ status: "finished", doneItems: 100, failedItems: 0 });
    expect(results.map((r) => r.status)).toEqual(Array(100).fill("done"));
    // One model call per attempt: nothing ran twice, and the 429s were retried, not given up on.
    const attempts = results.reduce((sum, r) => sum + r.attempts, 0);
    expect(requestsFor(model)).toBe(attempts);
    expect(attempts).toBeGreaterThan(100);
    expect(results.some((r) => r.attempts > 1)).toBe(true);
    expect(first.written() + second.written()).toBe(100);
    // Scores: the first 10 rows expect something the model never says, for both columns.
    const byColumn = Object.fromEntries(run.columns.map((c) => [c.role, c]));
    expect(byColumn.candidate).toMatchObject({ passRate: 0.8, meanScore: 0.8 });
    expect(byColumn.baseline).toMatchObject({ passRate: 0.8, meanScore: 0.8 });
    const row7 = results.find((r) => r.position === 7 && r.columnId === byColumn.candidate!.id)!;
    expect(row7).toMatchObject({ output: "Echo: Answer: q7", pass: false, score: 0, status: "done", error: null });
    expect(row7.scores).toEqual([expect.objectContaining({ evaluatorId, name: "mentions the question", pass: false })]);
    expect(row7.inputTokens).toBeGreaterThan(0);

    // The dead worker's late write is refused: its rows were claimed again and scored by the second.
    const before = results.find((r) => r.id === dead[0]!.id)!;
    const late = await commitEvalResults({
      commits: [
        {
          itemId: dead[0]!.id,
          lockToken: dead[0]!.lockToken,
          outcome: {
            status: "error",
            output: "stale",
            error: "stale",
            latencyMs: 1,
            inputTokens: 1,
            outputTokens: 1,
            costUsd: 1,
            scores: null,
            pass: false,
            score: 0,
          },
        },
      ],
    });
    expect(late).toEqual([{ written: false }]);
    expect(await db.evalResult.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await runOf(id)).toMatchObject({ doneItems: 100, failedItems: 0 });
  });

  it("writes a group of outcomes in one statement, each row against its own claim, each run counted by what was written", async () => {
    const promptId = await makePrompt("fake-echo");
    const { id } = await start(promptId, await makeDataset(questions(3)), { baseline: null });
    const claimed = (await claimEvalItems({ limit: 50, leaseMs: 60_000 })).filter((i) => i.runId === id);
    expect(claimed).toHaveLength(3);
    expect(claimed.map((i) => i.row?.values)).toEqual(expect.arrayContaining([{ question: "q0" }, { question: "q2" }]));
    const [a, b, c] = claimed as [(typeof claimed)[number], (typeof claimed)[number], (typeof claimed)[number]];
    const outcome = (status: "done" | "error") => ({
      status,
      output: status === "done" ? "fine" : null,
      error: status === "error" ? "broken" : null,
      latencyMs: 12,
      inputTokens: 3,
      outputTokens: 4,
      costUsd: 0.000_001_5,
      scores: status === "done" ? [{ evaluatorId, pass: true, score: 1 }] : null,
      pass: status === "done" ? true : null,
      score: status === "done" ? 1 : null,
    });
    const results = await commitEvalResults({
      commits: [
        { itemId: a.id, lockToken: a.lockToken, outcome: outcome("done") },
        // Not this claim's token: refused, and not counted.
        { itemId: b.id, lockToken: "someone-else", outcome: outcome("done") },
        { itemId: c.id, lockToken: c.lockToken, outcome: outcome("error") },
        // The same row under an older claim in the same group: refused too.
        { itemId: a.id, lockToken: "an-older-claim", outcome: outcome("error") },
      ],
    });
    expect(results).toEqual([
      { written: true, runId: id, doneItems: 1, failedItems: 1, totalItems: 3 },
      { written: false },
      { written: true, runId: id, doneItems: 1, failedItems: 1, totalItems: 3 },
      { written: false },
    ]);
    const stored = new Map((await resultsOf(id)).map((r) => [r.id, r]));
    expect(stored.get(a.id)).toMatchObject({ status: "done", output: "fine", costUsd: 0.000_001_5, attempts: 1 });
    expect(stored.get(a.id)!.scores).toEqual([{ evaluatorId, pass: true, score: 1 }]);
    expect(stored.get(b.id)).toMatchObject({ status: "pending", lockToken: b.lockToken, output: null });
    expect(stored.get(c.id)).toMatchObject({ status: "error", error: "broken", lockToken: null });
    expect(await runOf(id)).toMatchObject({ doneItems: 1, failedItems: 1 });
    expect(
      await commitEvalResults({ commits: [{ itemId: b.id, lockToken: b.lockToken, outcome: outcome("done") }] }),
    ).toEqual([{ written: true, runId: id, doneItems: 2, failedItems: 1, totalItems: 3 }]);
  });

  it("writes a run's outcomes in groups and fetches dataset rows with the claims: fewer statements than rows", async () => {
    const promptId = await makePrompt("fake-delay-15");
    const { id } = await start(promptId, await makeDataset(questions(40)), { baseline: null });
    let commitStatements = 0;
    let datasetRowQueries = 0;
    // The same database, with every statement the worker sends counted.
    const counting = db.$extends({
      query: {
        async $queryRaw({ args, query }) {
          if (/"doneItems"/.test(String((args as { strings?: string[] }).strings?.join("") ?? ""))) commitStatements++;
          return query(args);
        },
        datasetRow: {
          async $allOperations({ args, query }) {
            datasetRowQueries++;
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    // A commit interval long beside a row (15 ms): how many rows share a statement then depends on
    // the interval, not on how fast a loaded machine runs them. At the default 50 ms, a CI machine
    // at load 9 finished rows so far apart that 40 rows took 25 statements.
    const w = worker({ concurrency: 8, client: counting, commitIntervalMs: 500 });
    await until("the run to finish", async () => (await runOf(id)).status === "finished");
    await w.stop();
    expect(await runOf(id)).toMatchObject({ doneItems: 40, failedItems: 0 });
    expect(w.written()).toBe(40);
    expect(commitStatements).toBeGreaterThan(0);
    expect(commitStatements).toBeLessThanOrEqual(20);
    expect(datasetRowQueries).toBe(0);
  });

  it("on the embedded database, a restarted server takes back at once the rows a crashed one held", async () => {
    const promptId = await makePrompt("fake-echo");
    const datasetId = await makeDataset(questions(4));
    const { id } = await start(promptId, datasetId, { baseline: null });
    // The crashed process's claims, with the lease it would have had (minutes).
    expect(await claimEvalItems({ limit: 4, leaseMs: 10 * 60_000 })).toHaveLength(4);
    const w = worker({ concurrency: 2, releaseLeasesAtStart: true });
    await until("the run to finish", async () => (await runOf(id)).status === "finished", 10_000);
    await w.stop();
    expect(await runOf(id)).toMatchObject({ doneItems: 4, failedItems: 0 });
  });

  it("makes a row whose values break the contract that row's error, without retrying it", async () => {
    const model = "fake-echo";
    const promptId = await makePrompt(model);
    const datasetId = await makeDataset([
      { values: { question: "fine" }, expected: "fine" },
      { values: { other: "no question here" }, expected: "x" },
    ]);
    const { id } = await start(promptId, datasetId, { baseline: null });
    const w = worker({ concurrency: 2 });
    await until("the run to finish", async () => (await runOf(id)).status === "finished");
    await w.stop();
    const results = await resultsOf(id);
    expect(await runOf(id)).toMatchObject({ doneItems: 1, failedItems: 1, totalItems: 2 });
    expect(results[1]).toMatchObject({ status: "error", attempts: 1, pass: null });
    expect(results[1]!.error).toMatch(/question/);
    // The column's pass rate is over its scored rows.
    expect((await runOf(id)).columns[0]).toMatchObject({ passRate: 1, meanScore: 1 });
  });

  it("cancels: pending rows are not claimed, rows in flight are aborted, and a second cancel is a 409", async () => {
    // A model far slower than any wait below: a row in flight that ends was aborted, not waited for.
    const model = "fake-delay-60000";
    const promptId = await makePrompt(model);
    const datasetId = await makeDataset(questions(20));
    const { id, number } = await start(promptId, datasetId, { baseline: null });
    const w = worker({ concurrency: 2 });
    await until("the first rows in flight", async () => w.inFlight() > 0 && requestsFor(model) > 0);
    await expect(cancelEvalRun({ ctx: ctxFor(editor()), projectId, number })).resolves.toEqual({
      number,
      status: "cancelled",
    });
    await until("the rows in flight to be aborted", async () => w.inFlight() === 0, 20_000);
    const asked = requestsFor(model);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requestsFor(model)).toBe(asked);
    await w.stop();
    const run = await runOf(id);
    expect(run).toMatchObject({ status: "cancelled", cancelRequested: true, doneItems: 0 });
    expect(run.finishedAt).not.toBeNull();
    const statuses = (await resultsOf(id)).map((r) => r.status);
    expect(statuses).toEqual(Array(20).fill("cancelled"));
    await expect(cancelEvalRun({ ctx: ctxFor(editor()), projectId, number })).rejects.toMatchObject({
      code: "conflict",
      message: `Eval run #${number} was already cancelled.`,
    });
    expect(await db.auditEntry.count({ where: { projectId, action: "eval-run.cancel", targetId: id } })).toBe(1);
  });

  it(`shares one run between two workers (${kind === "postgres" ? "two Prisma clients, as two instances" : "one embedded database"}) without scoring a row twice`, async () => {
    const model = "fake-delay-20";
    const promptId = await makePrompt(model);
    const datasetId = await makeDataset(questions(40));
    const { id } = await start(promptId, datasetId, { baseline: null });
    // PGlite is one process's database; on PostgreSQL the second worker has its own connection pool.
    let second: Db | null = null;
    if (kind === "postgres") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      second = new PrismaClient({ adapter: new PrismaPg({ connectionString: getEnv().DATABASE_URL!, max: 4 }) }) as Db;
    }
    const a = worker({ concurrency: 3 });
    const b = worker({ concurrency: 3, ...(second ? { client: second } : {}) });
    await until("the run to finish", async () => (await runOf(id)).status === "finished");
    await a.stop();
    await b.stop();
    await second?.$disconnect();
    const results = await resultsOf(id);
    expect(results.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
    expect(requestsFor(model)).toBe(40);
    expect(a.written()).toBeGreaterThan(0);
    expect(b.written()).toBeGreaterThan(0);
    expect(a.written() + b.written()).toBe(40);
    expect(await runOf(id)).toMatchObject({ doneItems: 40, failedItems: 0 });
  });

  it("refuses a run it could not finish before starting anything: too many items, no model, unknown evaluators", async () => {
    const promptId = await makePrompt("fake-echo");
    const datasetId = await makeDataset(questions(2));
    await expect(start(promptId, datasetId, { evaluatorIds: ["nope"] })).rejects.toMatchObject({
      code: "validation_failed",
      details: { issues: [{ path: "evaluatorIds" }] },
    });
    await expect(start(promptId, datasetId, { baseline: "staging" })).rejects.toMatchObject({
      details: { issues: [{ path: "baseline", message: expect.stringContaining("runs no version") }] },
    });
    await expect(
      start(promptId, datasetId, {
        candidate: { content: { template: "Hi {{question}}", contract: { variables: [] }, modelConfig: {} } },
        baseline: null,
      }),
    ).rejects.toMatchObject({ details: { issues: [{ path: "modelOverrides.model" }] } });
    const big = await db.datasetVersion.findFirstOrThrow({ where: { datasetId } });
    await db.datasetVersion.update({ where: { id: big.id }, data: { rowCount: 10_001 } });
    await expect(start(promptId, datasetId)).rejects.toMatchObject({
      details: { issues: [{ path: "datasetId", message: expect.stringContaining("20,000") }] },
    });
    expect(await db.evalRun.count({ where: { promptId } })).toBe(0);
    expect(providerId).toBeTruthy();
  });
});
