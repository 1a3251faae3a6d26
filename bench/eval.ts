// npm run bench:eval – the eval engine's throughput: 1,000 dataset rows against the fake OpenAI
// server answering each request in 50 ms, at concurrency 16 (GALLEY_EVAL_CONCURRENCY). The ideal
// is 1000 × 50 ms / 16 ≈ 3.1 s; the ratio of the wall time to it is the engine's overhead (target
// ≤ 1.5, aim ≤ 1.2). Each database runs in its own process (the engine with PGlite in-process, as
// the server runs it), whose peak RSS is the server's; the fake server runs in this one, so its
// work is not counted. Then the same on PostgreSQL when TEST_DATABASE_URL is set.
// `npm run bench:eval -- --profile DIR` also writes each run's CPU profile (the measured part only) to DIR.

// First: lets this process load modules marked server-only (see the file).
import "@/lib/entry/allow-server-only";

import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";

import { startFakeOpenAI } from "../tests/fake-openai/server";

const ROWS = 1000;
const CONCURRENCY = 16;
const DELAY_MS = 50;
const IDEAL_MS = (ROWS * DELAY_MS) / CONCURRENCY;

type Figures = {
  database: string;
  wallMs: number;
  rows: number;
  errors: number;
  peakRssMb: number;
  /** The engine's own CPU per row: on a machine busy with other work the wall time says more about the machine. */
  cpuMsPerRow: number;
};

/** The child: one run on one database, its figures as one JSON line. */
async function measure(fakeUrl: string, profileTo: string | undefined): Promise<Figures> {
  const { db, closeDatabase } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
  const { getEnv } = await import("@/lib/env");
  const { startEvalRun } = await import("@/lib/eval-runs/start-eval-run");
  const { startEvalWorker } = await import("@/lib/eval-runs/start-eval-worker");
  const { saveProvider } = await import("@/lib/providers/save-provider");
  const { createPrompt } = await import("@/lib/prompts/create-prompt");
  const { saveVersion } = await import("@/lib/prompts/save-version");
  await applyMigrations();
  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench" } });
  const project = await db.project.create({ data: { slug: "bench", name: "Bench" } });
  await db.membership.create({ data: { projectId: project.id, userId: user.id, role: "OWNER" } });
  const ctx = { actor: { userId: user.id, email: user.email }, requestId: "bench" };
  await saveProvider({
    ctx,
    projectId: project.id,
    input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fakeUrl, apiKey: "test-key" },
  });
  const prompt = await createPrompt({
    ctx,
    projectId: project.id,
    input: { name: "bench/eval", type: "TEXT", description: "", tags: [] },
  });
  await saveVersion({
    ctx,
    projectId: project.id,
    promptId: prompt.id,
    authorId: user.id,
    baseVersion: 0,
    message: "v1",
    content: {
      template: "Answer the customer: {{question}}",
      contract: { variables: [{ name: "question", type: "string", required: true }] },
      modelConfig: { model: `fake-delay-${DELAY_MS}` },
    },
  });
  const dataset = await db.dataset.create({
    data: { projectId: project.id, name: "bench", createdById: user.id, latestVersion: 1 },
  });
  const version = await db.datasetVersion.create({
    data: { datasetId: dataset.id, number: 1, rowCount: ROWS, createdById: user.id },
  });
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    id: crypto.randomUUID(),
    datasetId: dataset.id,
    values: { question: `Where is refund ${i}?` },
    expected: `refund ${i}`,
  }));
  await db.datasetRow.createMany({ data: rows });
  await db.datasetVersionRow.createMany({
    data: rows.map((r, position) => ({ versionId: version.id, position, rowId: r.id })),
  });
  const evaluators = await Promise.all(
    [
      { name: "mentions the refund", kind: "contains", config: { values: [] } },
      { name: "short", kind: "char-count", config: { max: 500 } },
    ].map((e) => db.evaluator.create({ data: { ...e, projectId: project.id, createdById: user.id } })),
  );

  // --profile DIR: a CPU profile of the measured part only (set-up and migrations left out), for DevTools.
  const profiler = profileTo ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post("Profiler.enable");
    await profiler.post("Profiler.start");
  }
  const worker = startEvalWorker();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run = await startEvalRun({
    ctx,
    projectId: project.id,
    createdById: user.id,
    source: "api",
    input: {
      promptId: prompt.id,
      candidate: { version: 1 },
      baseline: null,
      versions: [],
      datasetId: dataset.id,
      evaluatorIds: evaluators.map((e) => e.id),
    },
  });
  // Watch the worker's own count rather than poll the database: the bench's queries would share the
  // event loop (and on PGlite the database) with the engine it measures. Then the run's closing write.
  while (worker.written() < ROWS) await new Promise((resolve) => setTimeout(resolve, 5));
  const status = async () =>
    (await db.$queryRaw<Array<{ status: string }>>`SELECT "status" FROM "EvalRun" WHERE "id" = ${run.id}`)[0]!.status;
  while ((await status()) !== "finished") await new Promise((resolve) => setTimeout(resolve, 5));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (profiler && profileTo) {
    const { profile } = await profiler.post("Profiler.stop");
    const file = path.join(profileTo, `eval-${getEnv().databaseKind}-${Date.now()}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.error(`CPU profile: ${file}`);
  }
  const state = await db.evalRun.findUniqueOrThrow({ where: { id: run.id } });
  await worker.stop();
  const figures = {
    database: getEnv().databaseKind,
    wallMs,
    rows: state.doneItems,
    errors: state.failedItems,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMsPerRow: (cpu.user + cpu.system) / 1000 / ROWS,
  };
  await closeDatabase();
  return figures;
}

function runChild(env: Record<string, string>, fakeUrl: string, profileTo: string | undefined): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const args = ["bench/eval.ts", "--child", fakeUrl, ...(profileTo ? [profileTo] : [])];
    const child = spawn(path.join("node_modules", ".bin", "tsx"), args, {
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        GALLEY_EVAL_CONCURRENCY: String(CONCURRENCY),
        ...env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Figures);
      else reject(new Error(`The ${env.DATABASE_URL ? "PostgreSQL" : "PGlite"} run failed (exit ${code}): ${out}`));
    });
  });
}

function report(f: Figures) {
  const ratio = f.wallMs / IDEAL_MS;
  console.log(
    `${f.database.padEnd(8)} ${f.rows} rows (${f.errors} errors) in ${(f.wallMs / 1000).toFixed(2)} s: ${(f.rows / (f.wallMs / 1000)).toFixed(0)} rows/s, ` +
      `${ratio.toFixed(2)} × ideal (${(IDEAL_MS / 1000).toFixed(2)} s; target ≤ 1.5, aim ≤ 1.2) ${ratio <= 1.5 ? "ok" : "OVER TARGET"}, peak RSS ${f.peakRssMb.toFixed(0)} MB, ` +
      `CPU ${f.cpuMsPerRow.toFixed(2)} ms/row (one core keeps up with the ideal below ${(IDEAL_MS / ROWS).toFixed(2)} ms/row)`,
  );
  return ratio <= 1.5 && f.errors === 0;
}

async function main() {
  if (process.argv[2] === "--child") {
    console.log(JSON.stringify(await measure(process.argv[3]!, process.argv[4])));
    process.exit(0);
  }
  const profileFlag = process.argv.indexOf("--profile");
  const profileTo = profileFlag > 0 ? path.resolve(process.argv[profileFlag + 1] ?? ".") : undefined;
  if (profileTo) fs.mkdirSync(profileTo, { recursive: true });
  const fake = await startFakeOpenAI();
  const pg = await import("pg");
  let ok = true;
  try {
    console.log(`${ROWS} rows × ${DELAY_MS} ms at concurrency ${CONCURRENCY}`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-bench-eval-"));
    ok = report(await runChild({ GALLEY_DATA_DIR: dataDir, DATABASE_URL: "" }, fake.url, profileTo)) && ok;
    fs.rmSync(dataDir, { recursive: true, force: true });
    const admin = process.env.TEST_DATABASE_URL;
    if (admin) {
      const name = `galley_bench_${crypto.randomBytes(4).toString("hex")}`;
      const query = async (sql: string) => {
        const client = new pg.default.Client({ connectionString: admin });
        await client.connect();
        await client.query(sql).finally(() => client.end());
      };
      await query(`CREATE DATABASE "${name}"`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      try {
        ok = report(await runChild({ DATABASE_URL: url.toString() }, fake.url, profileTo)) && ok;
      } finally {
        await query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    } else console.log("postgres skipped: set TEST_DATABASE_URL to measure it too");
  } finally {
    await fake.close();
  }
  process.exitCode = ok ? 0 : 1;
}

void main();
