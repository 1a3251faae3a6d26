// npm run bench:editor – how long a person waits for the prompt editor, in Chromium against a
// production build: from navigation start to a typed character appearing in Monaco, cold (a new
// browser context, empty cache) and warm (the same context, the page opened again), median of 5
// each; what Monaco costs on the wire; and the first-load JS (gzip) of the main routes.
// Needs a build first (npm run build) and /usr/bin/chromium (or CHROMIUM_PATH).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { request, type BrowserContext } from "@playwright/test";

import { launchChromium, startProductionServer } from "./browser";

const RUNS = 5;
const PROJECT = "default-project";
const PROMPT = "bench/editor";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** First-load JS per route from Next's build diagnostics, each chunk gzip-compressed. */
function firstLoadJs(routes: string[]) {
  const file = path.join(".next", "diagnostics", "route-bundle-stats.json");
  const stats = JSON.parse(fs.readFileSync(file, "utf8")) as Array<{ route: string; firstLoadChunkPaths: string[] }>;
  const gzip = new Map<string, number>();
  const size = (chunk: string) => {
    if (!gzip.has(chunk)) gzip.set(chunk, zlib.gzipSync(fs.readFileSync(chunk), { level: 9 }).length);
    return gzip.get(chunk)!;
  };
  return routes.map((route) => {
    const entry = stats.find((s) => s.route === route);
    return { route, gzip: entry ? entry.firstLoadChunkPaths.reduce((sum, c) => sum + size(c), 0) : null };
  });
}

/** Milliseconds from navigation start: where a load's time went. */
type Timing = {
  typed: number;
  /** Monaco's editor is in the DOM. */
  drawn: number;
  /** The HTML has been parsed (DOMContentLoaded). */
  html: number;
  /** The first and the last of Monaco's files fetched. */
  monacoFrom: number;
  monacoTo: number;
};

/**
 * Opens the prompt, types one character into its editor, and returns the milliseconds from
 * navigation start until that character is in the editor's DOM (and the steps before it).
 */
async function typeIntoEditor(context: BrowserContext, url: string): Promise<Timing> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    const lines = page.locator(".monaco-editor .view-lines").first();
    await lines.waitFor({ timeout: 60_000 });
    const drawn = await page.evaluate(() => performance.now());
    await lines.click();
    const before = ((await lines.textContent()) ?? "").split("§").length;
    await page.keyboard.type("§");
    await page.waitForFunction(
      (n) => (document.querySelector(".monaco-editor .view-lines")?.textContent ?? "").split("§").length > n,
      before,
      { timeout: 60_000, polling: "raf" },
    );
    const typed = await page.evaluate(() => performance.now());
    return await page.evaluate(
      ({ typed, drawn }) => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const monaco = performance
          .getEntriesByType("resource")
          .filter((r) => new URL(r.name).pathname.startsWith("/monaco/")) as PerformanceResourceTiming[];
        return {
          typed,
          drawn,
          html: nav.domContentLoadedEventEnd,
          monacoFrom: Math.min(...monaco.map((r) => r.startTime)),
          monacoTo: Math.max(...monaco.map((r) => r.responseEnd)),
        };
      },
      { typed, drawn },
    );
  } finally {
    await page.close();
  }
}

async function main() {
  const { base, stop } = await startProductionServer({ name: "editor" });
  try {
    const api = await request.newContext({ baseURL: base });
    const password = "bench-password-1";
    const email = "bench@example.test";
    await api.post("/api/signup", { data: { name: "Bench", email, password } });
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
    const prompt = await (
      await api.post(`/api/projects/${PROJECT}/prompts`, { data: { name: PROMPT, type: "TEXT" } })
    ).json();
    const saved = await api.post(`/api/projects/${PROJECT}/prompts/${prompt.id}/versions`, {
      data: {
        baseVersion: 0,
        message: "v1",
        content: {
          template: "You answer {{customer}} about their order {{order}}.\n\nBe brief and kind.",
          contract: { variables: [] },
          modelConfig: {},
        },
      },
    });
    if (!saved.ok()) throw new Error(`seeding the prompt failed: ${saved.status()} ${await saved.text()}`);
    const storageState = await api.storageState();
    const url = `/p/${PROJECT}/prompts/${PROMPT}`;

    const browser = await launchChromium();
    const newContext = () =>
      browser.newContext({ baseURL: base, storageState, viewport: { width: 1440, height: 900 } });

    // One untimed load first, so the server's own first-request costs are not charged to "cold".
    const warmup = await newContext();
    await typeIntoEditor(warmup, url);
    await warmup.close();

    const cold: Timing[] = [];
    let monaco = { requests: 0, bytes: 0 };
    for (let i = 0; i < RUNS; i++) {
      const context = await newContext();
      const seen = { requests: 0, bytes: 0 };
      context.on("requestfinished", (req) => {
        if (!new URL(req.url()).pathname.startsWith("/monaco/")) return;
        seen.requests++;
        void req.sizes().then((s) => (seen.bytes += s.responseBodySize));
      });
      cold.push(await typeIntoEditor(context, url));
      await new Promise((r) => setTimeout(r, 200));
      monaco = seen;
      await context.close();
    }

    const context = await newContext();
    await typeIntoEditor(context, url);
    const warm: Timing[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await typeIntoEditor(context, url));
    await context.close();
    await browser.close();

    const fmt = (runs: Timing[]) =>
      `median ${median(runs.map((r) => r.typed)).toFixed(0)} ms (${runs.map((r) => r.typed.toFixed(0)).join(", ")})`;
    const steps = (runs: Timing[]) => {
      const at = (key: keyof Timing) => median(runs.map((r) => r[key])).toFixed(0);
      return `HTML parsed ${at("html")} ms, Monaco fetched ${at("monacoFrom")}–${at("monacoTo")} ms, editor drawn ${at("drawn")} ms, character shown ${at("typed")} ms`;
    };
    console.log(
      `load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} (${os.cpus().length} cores)`,
    );
    console.log(`navigation → typed character in the editor, cold (new context): ${fmt(cold)}  target ≤ 3000 ms`);
    console.log(`navigation → typed character in the editor, warm (same context): ${fmt(warm)}  target ≤ 1500 ms`);
    console.log(`  cold, medians: ${steps(cold)}`);
    console.log(`  warm, medians: ${steps(warm)}`);
    console.log(`Monaco on a cold load: ${monaco.requests} requests, ${kb(monaco.bytes)} as sent`);
  } finally {
    await stop();
  }

  console.log("first-load JS per route (gzip):");
  for (const { route, gzip } of firstLoadJs([
    "/p/[project]/prompts",
    "/p/[project]/prompts/[...name]",
    "/p/[project]/reviews",
    "/p/[project]/reviews/[number]",
    "/p/[project]/evals",
    "/p/[project]/datasets",
    "/p/[project]/settings/providers",
    "/p/[project]",
    "/inbox",
  ]))
    console.log(`  ${route.padEnd(36)} ${gzip === null ? "not in this build" : kb(gzip)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
