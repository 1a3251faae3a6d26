// npm run bench:fan-out – the review's attack on an embedded database in a temporary folder: eight
// templates of < 160 bytes, each including the next ten times (10^8 copies when resolved), asked
// for over the hot path (GET /api/prompts/{name}) and rendered through /render's code, by ten
// clients at once for BENCH_SECONDS (default 5), while a health probe asks every 20 ms. Prints
// the event loop's longest delay (perf_hooks.monitorEventLoopDelay) and the probe's slowest
// answer. Goal from the review: no request blocks the event loop for more than ~50 ms.
// BENCH_MODE=get or render runs one kind of client only. The clients share the server's process,
// and wall-clock delays grow with the machine's load: the load average is printed beside them.
// Loopback only, bounded in time; it stops by itself.

// First: lets this process load modules marked server-only (see the file).
import "@/lib/entry/allow-server-only";

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-bench-fan-out-"));
process.env.GALLEY_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
process.env.LOG_LEVEL = "error";
process.env.GALLEY_API_RATE_LIMIT = "100000000";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);

async function main() {
  // Imported after the environment is set: getEnv reads it once.
  const { db, closeDatabase } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
  const { createDefaultEnvironments } = await import("@/lib/projects/create-default-environments");
  const { createPrompt } = await import("@/lib/prompts/create-prompt");
  const { insertVersion } = await import("@/lib/prompts/insert-version");
  const { movePointer } = await import("@/lib/deployments/move-pointer");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const { servingTransaction } = await import("@/lib/db/serving-transaction");
  const { handlePromptRequest, hotPathName } = await import("@/lib/serving/handle-prompt-request");
  const { renderServedPrompt } = await import("@/lib/serving/render-served-prompt");

  await applyMigrations();
  const user = await db.user.create({ data: { email: `bench-${Date.now()}@example.test`, name: "Bench" } });
  const project = await db.$transaction(async (tx) => {
    const created = await tx.project.create({ data: { slug: "bench-fan-out", name: "Bench" } });
    await createDefaultEnvironments({ tx, projectId: created.id });
    return created;
  });
  await db.membership.create({ data: { projectId: project.id, userId: user.id, role: "OWNER" } });
  const ctx = { actor: { userId: user.id, email: user.email }, requestId: "bench" };
  const production = await db.environment.findFirstOrThrow({ where: { projectId: project.id, slug: "production" } });
  // Written as a database from before the bounds would hold them (saving now refuses the upper levels).
  for (let i = 8; i >= 1; i--) {
    const template =
      i === 8 ? `Leaf ${"x".repeat(150)}` : Array.from({ length: 10 }, () => `{{> fan/t${i + 1}}}`).join("");
    const prompt = await createPrompt({
      ctx,
      projectId: project.id,
      input: { name: `fan/t${i}`, type: "TEXT", description: "", tags: [] },
    });
    await db.$transaction((tx) =>
      insertVersion({
        tx,
        promptId: prompt.id,
        number: 1,
        content: { template, contract: { variables: [] }, modelConfig: {} },
        parent: null,
        message: "v1",
        authorId: user.id,
      }),
    );
    const row = await db.prompt.findUniqueOrThrow({ where: { id: prompt.id } });
    await servingTransaction(project.id, (tx) =>
      movePointer({
        tx,
        ctx,
        projectId: project.id,
        environment: production,
        prompt: row,
        actor: { id: user.id, name: user.name },
        version: 1,
        reason: "bench",
        kind: "deploy",
      }),
    );
  }
  const { secret } = await createApiKey({
    ctx,
    projectId: project.id,
    creator: { id: user.id, name: user.name },
    input: { name: "bench", scopes: ["prompts:read"], expiresAt: null },
  });

  const server = http.createServer((req, res) => {
    if (req.url === "/api/health")
      return void res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    const name = hotPathName(req.method, req.url);
    if (name === null) return void res.writeHead(404).end();
    handlePromptRequest(req, res, name, "bench");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Warm up (modules, JIT, the database's first queries): a running server is past this.
  for (let i = 1; i <= 8; i++)
    await (
      await fetch(`${base}/api/prompts/fan/t${i}?environment=production`, {
        headers: { authorization: `Bearer ${secret}` },
      })
    ).arrayBuffer();
  await renderServedPrompt({ projectId: project.id, name: "fan/t1", selector: {}, variables: {}, strict: false }).catch(
    () => undefined,
  );

  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const until = performance.now() + SECONDS * 1000;
  const statuses = new Map<string, number>();
  const count = (label: string) => statuses.set(label, (statuses.get(label) ?? 0) + 1);
  // Each level is asked for, so the first request per level resolves it (later ones hit the cached 422).
  const getter = async (client: number) => {
    for (let n = 0; performance.now() < until; n++) {
      const res = await fetch(`${base}/api/prompts/fan/t${1 + ((client + n) % 8)}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      count(`GET ${res.status}`);
      await res.arrayBuffer();
    }
  };
  // /render is never cached: every call renders until the bound stops it.
  const renderer = async () => {
    while (performance.now() < until) {
      await renderServedPrompt({
        projectId: project.id,
        name: "fan/t1",
        selector: {},
        variables: {},
        strict: false,
      }).then(
        () => count("render 200"),
        (error: { code?: string }) => count(`render ${error.code ?? "error"}`),
      );
      await new Promise((r) => setImmediate(r));
    }
  };
  const probes: number[] = [];
  const probe = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      probes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const mode = process.env.BENCH_MODE ?? "both";
  const getters = mode === "render" ? 0 : mode === "get" ? CLIENTS : CLIENTS / 2;
  await Promise.all([
    ...Array.from({ length: getters }, (_, i) => getter(i)),
    ...Array.from({ length: CLIENTS - getters }, () => renderer()),
    probe(),
  ]);
  delay.disable();
  probes.sort((a, b) => a - b);

  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} on ${os.cpus().length} CPUs`,
  );
  console.log(`${SECONDS} s, ${CLIENTS} clients: ${[...statuses].map(([k, v]) => `${k} × ${v}`).join(", ")}`);
  console.log(
    `event loop delay: max ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms (goal: max ≤ ~50 ms)`,
  );
  console.log(
    `health probe: ${probes.length} answers, p50 ${probes[probes.length >> 1]!.toFixed(1)} ms, max ${probes[probes.length - 1]!.toFixed(1)} ms`,
  );
  await new Promise((resolve) => server.close(resolve));
  await closeDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
