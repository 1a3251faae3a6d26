// npm run bench:collab – live co-editing under load. Needs a build (npm run build) and, for the
// second half, PostgreSQL 15's server binaries (scripts/throwaway-postgres.sh).
//
//   npm run bench:collab -- [--clients 20] [--seconds 60] [--rate 10] [--single-only]
//
// Starts the production server with its own embedded database, signs up one person per client
// over HTTP (the first account, then invited editors), creates a text prompt, and connects the
// clients to its shared working copy (HocuspocusProvider over `ws`, with the session cookie and
// Origin a browser sends). Each client types `rate` characters a second at random places of the
// one shared template for `seconds`. Every keystroke is one Yjs item whose id (client, clock) is
// unique, so each other client times its arrival when a transaction brings it. Prints p50/p95/p99/max
// latency from keystroke to every other client (target p99 ≤ 100 ms on loopback), the server's CPU
// (user+system from /proc over the typing, % of one core) and RSS (max), and whether every client
// ended with the same text. Then the same across two instances on one throwaway PostgreSQL, the
// clients split between them.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import * as Y from "yjs";

import { docParts, promptDocName } from "../lib/collab/prompt-doc";
import { startProductionServer } from "./browser";

type Options = { clients: number; seconds: number; rate: number; singleOnly: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = { clients: 20, seconds: 60, rate: 10, singleOnly: false };
  const bounds = { clients: [2, 200], seconds: [1, 3600], rate: [0.1, 100] } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--single-only") {
      options.singleOnly = true;
      continue;
    }
    const name = arg.replace(/^--/, "") as keyof typeof bounds;
    if (!(name in bounds)) throw new Error(`unknown option ${arg}: use --clients, --seconds, --rate, --single-only`);
    const value = Number(argv[++i]);
    const [min, max] = bounds[name];
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`--${name} must be a number from ${min} to ${max}, got ${argv[i] ?? "nothing"}`);
    options[name] = name === "clients" ? Math.round(value) : value;
  }
  return options;
}

// ---- the server process, read from /proc ----

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** A process and its descendants (tsx runs the server in a child node process). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) =>
        fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
      );
  } catch {
    return [];
  }
  return [pid, ...children.flatMap(processTree)];
}

/** user+system CPU seconds of a process tree so far. */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND;
}

function rssMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}

// ---- accounts and the prompt, over HTTP as a browser would ----

const PASSWORD = "bench-collab-password-1";

async function call(base: string, route: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const res = await fetch(`${base}${route}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      origin: base,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok)
    throw new Error(
      `${init.method ?? (init.body === undefined ? "GET" : "POST")} ${route} answered ${res.status}: ${await res.text()}`,
    );
  return res;
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await call(base, "/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true", callbackUrl: base }),
  });
  const session = cookiesOf(res).find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`signing in as ${email} gave no session cookie (${res.status}: ${await res.text()})`);
  return session;
}

/** The first account (owner of the default project), an invited editor per further client, a text prompt. */
async function setUp(base: string, clients: number) {
  const project = "default-project";
  const owner = { name: "Bench Owner", email: "owner@bench.test" };
  await call(base, "/api/signup", { body: { ...owner, password: PASSWORD } });
  const cookies = [await signIn(base, owner.email)];
  for (let i = 1; i < clients; i++) {
    const email = `editor${i}@bench.test`;
    const invite = await call(base, `/api/projects/${project}/invites`, {
      body: { email, role: "EDITOR" },
      cookie: cookies[0],
    });
    const { token } = (await invite.json()) as { token: string };
    await call(base, "/api/signup", { body: { name: `Editor ${i}`, email, password: PASSWORD, inviteToken: token } });
    cookies.push(await signIn(base, email));
  }
  const prompt = await call(base, `/api/projects/${project}/prompts`, {
    body: { name: "bench/collab", type: "TEXT" },
    cookie: cookies[0],
  });
  const { id } = (await prompt.json()) as { id: string };
  return { cookies, documentName: promptDocName(id) };
}

// ---- the clients ----

type Client = {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  text: Y.Text;
  instance: number;
};

type Tally = {
  /** When and on which instance each keystroke was typed, by "client:clock" (its Yjs item id). */
  sent: Map<string, { at: number; instance: number }>;
  /** Keystroke → another client on the same instance, and on another instance. */
  latencies: { same: number[]; across: number[] };
  received: number;
};

function connect(opts: {
  base: string;
  instance: number;
  cookie: string;
  documentName: string;
  tally: Tally;
  index: number;
}) {
  const { base, cookie, tally } = opts;
  // What a browser sends with the upgrade: the session cookie and its own origin.
  class BrowserLikeSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie, origin: base } });
    }
  }
  const doc = new Y.Doc();
  const text = docParts(doc).template;
  // A remote transaction brings each new keystroke as a clock of its typist's client: the ids
  // between the clocks before and after it.
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    if (transaction.local) return;
    const now = performance.now();
    for (const [client, after] of transaction.afterState) {
      for (let clock = transaction.beforeState.get(client) ?? 0; clock < after; clock++) {
        const typed = tally.sent.get(`${client}:${clock}`);
        if (typed === undefined) continue;
        tally.latencies[typed.instance === opts.instance ? "same" : "across"].push(now - typed.at);
        tally.received++;
      }
    }
  });
  return new Promise<Client>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${opts.index} did not sync within 30 s`)), 30_000);
    const socket = new HocuspocusProviderWebsocket({
      url: `${base.replace(/^http/, "ws")}/api/collab`,
      WebSocketPolyfill: BrowserLikeSocket,
    });
    const provider: HocuspocusProvider = new HocuspocusProvider({
      websocketProvider: socket,
      name: opts.documentName,
      document: doc,
      onAuthenticationFailed: ({ reason }) => {
        clearTimeout(timer);
        reject(new Error(`client ${opts.index} was refused: ${reason}`));
      },
      onSynced: () => {
        clearTimeout(timer);
        resolve({ provider, socket, doc, text, instance: opts.instance });
      },
    });
    provider.attach();
    provider.setAwarenessField("user", { id: `bench-${opts.index}`, name: `Client ${opts.index}`, color: "#1d4ed8" });
  });
}

/** Polls `done` every 50 ms; false when it is still not true after `timeoutMs`. */
const waitFor = async (done: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
};

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

type Instance = { base: string; pid: number; stop: () => Promise<void> };

async function run(label: string, instances: Instance[], options: Options, database?: { pid: number }) {
  const { cookies, documentName } = await setUp(instances[0]!.base, options.clients);
  const tally: Tally = { sent: new Map(), latencies: { same: [], across: [] }, received: 0 };
  const clients = await Promise.all(
    cookies.map((cookie, index) => {
      const instance = index % instances.length;
      return connect({ base: instances[instance]!.base, instance, cookie, documentName, tally, index });
    }),
  );

  const cpuBefore = instances.map((s) => cpuSeconds(s.pid));
  const databaseCpuBefore = database ? cpuSeconds(database.pid) : 0;
  const benchCpuBefore = process.cpuUsage();
  const rssAtStart = instances.map((s) => rssMb(s.pid));
  const rss = [...rssAtStart];
  const sampleRss = () => instances.forEach((s, i) => (rss[i] = Math.max(rss[i]!, rssMb(s.pid))));
  const sampler = setInterval(sampleRss, 1000);
  // How late this process's own timers and socket reads ran: latency it adds to what it measures.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const interval = 1000 / options.rate;
  let typed = 0;
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const timers = clients.map((client) => {
    const type = () => {
      const clock = Y.getState(client.doc.store, client.doc.clientID);
      tally.sent.set(`${client.doc.clientID}:${clock}`, { at: performance.now(), instance: client.instance });
      client.text.insert(
        Math.floor(Math.random() * (client.text.length + 1)),
        letters[Math.floor(Math.random() * letters.length)]!,
      );
      typed++;
    };
    // Spread over the first interval, so the clients do not type in lockstep.
    let every: NodeJS.Timeout | undefined;
    const first = setTimeout(() => {
      type();
      every = setInterval(type, interval);
    }, Math.random() * interval);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  });
  await new Promise((r) => setTimeout(r, options.seconds * 1000));
  timers.forEach((stop) => stop());
  const typingSeconds = (performance.now() - started) / 1000;
  const expected = typed * (clients.length - 1);
  const delivered = await waitFor(() => tally.received >= expected, 30_000);
  await waitFor(() => clients.every((c) => !c.provider.hasUnsyncedChanges), 30_000);
  const elapsed = (performance.now() - started) / 1000;
  loopDelay.disable();
  clearInterval(sampler);
  sampleRss();
  const cpu = instances.map((s, i) => ((cpuSeconds(s.pid) - cpuBefore[i]!) / elapsed) * 100);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const databaseCpu = database ? ((cpuSeconds(database.pid) - databaseCpuBefore) / elapsed) * 100 : null;
  const texts = new Set(clients.map((c) => c.text.toString()));
  const length = clients[0]!.text.length;
  clients.forEach((c) => {
    c.provider.destroy();
    c.socket.destroy();
  });

  const sortedOf = (xs: number[]) => Float64Array.from(xs).sort();
  const sorted = sortedOf([...tally.latencies.same, ...tally.latencies.across]);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const spread = (xs: Float64Array) =>
    `p50 ${ms(percentile(xs, 50))}  p95 ${ms(percentile(xs, 95))}  p99 ${ms(percentile(xs, 99))}  max ${ms(xs.at(-1) ?? NaN)}`;
  console.log(`\n${label}: ${clients.length} clients × ${options.rate} chars/s for ${typingSeconds.toFixed(0)} s`);
  console.log(
    `  keystrokes ${typed}, deliveries ${tally.received} of ${expected}${delivered ? "" : " (some never arrived within 30 s)"}`,
  );
  console.log(`  latency keystroke → each other client: ${spread(sorted)}`);
  if (instances.length > 1) {
    console.log(`    to a client on the same instance:  ${spread(sortedOf(tally.latencies.same))}`);
    console.log(`    to a client on the other instance: ${spread(sortedOf(tally.latencies.across))}`);
  }
  instances.forEach((_, i) =>
    console.log(
      `  server${instances.length > 1 ? ` ${i + 1}` : ""}: CPU ${cpu[i]!.toFixed(0)} % of one core (user+system over ${elapsed.toFixed(0)} s), RSS ${rssAtStart[i]!.toFixed(0)} MB before typing, max ${rss[i]!.toFixed(0)} MB`,
    ),
  );
  if (databaseCpu !== null)
    console.log(`  PostgreSQL (all its processes): CPU ${databaseCpu.toFixed(0)} % of one core`);
  console.log(
    `  bench process (all clients): CPU ${(((benchCpu.user + benchCpu.system) / 1e6 / elapsed) * 100).toFixed(0)} % of one core, event-loop delay p99 ${ms(loopDelay.percentile(99) / 1e6)} max ${ms(loopDelay.max / 1e6)}`,
  );
  console.log(
    texts.size === 1
      ? `  converged: yes, every client holds the same ${length} characters`
      : `  converged: NO, ${texts.size} different texts among ${clients.length} clients`,
  );
  return { p99: percentile(sorted, 99), converged: texts.size === 1 && delivered };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const results: Array<{ p99: number; converged: boolean }> = [];

  const single = await startProductionServer({ name: "collab", logLevel: "error" });
  try {
    results.push(await run("One instance, embedded database (PGlite)", [single], options));
  } finally {
    await single.stop();
  }

  if (!options.singleOnly) {
    const clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-bench-collab-pg-"));
    const started = spawnSync("scripts/throwaway-postgres.sh", ["start", clusterDir], { encoding: "utf8" });
    if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
    const databaseUrl = /TEST_DATABASE_URL=(\S+)/.exec(started.stdout)?.[1];
    const instances: Instance[] = [];
    try {
      if (!databaseUrl) throw new Error(`no URL from throwaway-postgres.sh: ${started.stdout}`);
      // One secret for both, or a session from one is refused by the other.
      const env = { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: `bench-collab-${"x".repeat(40)}` };
      // One after the other: the first applies the migrations.
      for (const name of ["collab-a", "collab-b"])
        instances.push(await startProductionServer({ name, logLevel: "error", env }));
      // The postmaster's pid heads its pid file; the backends serving the instances are its children.
      const postmaster = Number(
        fs.readFileSync(path.join(clusterDir, "data", "postmaster.pid"), "utf8").split("\n")[0],
      );
      results.push(
        await run("Two instances, one PostgreSQL (clients alternate between them)", instances, options, {
          pid: postmaster,
        }),
      );
    } finally {
      for (const instance of instances) await instance.stop();
      spawnSync("scripts/throwaway-postgres.sh", ["stop", clusterDir]);
    }
  }
  const ok = results.every((r) => r.converged && r.p99 <= 100);
  console.log(`\ntarget p99 ≤ 100 ms and every client converged: ${ok ? "met" : "NOT met"}`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
