// What the benches share: Debian's Chromium launched as the e2e tests launch it, and the production
// server on a free port with an embedded database of its own.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

import { chromiumLaunchOptions } from "../playwright.config";

export function launchChromium() {
  return chromium.launch(chromiumLaunchOptions);
}

/** Polls /api/health every 500 ms until it answers, for at most `attempts` tries. */
async function waitForHealth(base: string, attempts = 240) {
  for (let i = 0; i < attempts; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * Starts the production server (needs `npm run build`) on a free loopback port with a fresh
 * embedded database in a temporary folder, and waits until it answers. `stop()` ends it and removes
 * the folder.
 */
export async function startProductionServer(opts: {
  name: string;
  logLevel?: string;
  healthAttempts?: number;
  /** More environment (DATABASE_URL for PostgreSQL instead of the embedded database, …). */
  env?: Record<string, string>;
}) {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no build: run `npm run build` first");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `galley-bench-${opts.name}-`));
  const server = spawn(path.join("node_modules", ".bin", "tsx"), ["server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      GALLEY_DATA_DIR: dataDir,
      DATABASE_URL: "",
      LOG_LEVEL: opts.logLevel ?? "warn",
      ...opts.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, opts.healthAttempts);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, pid: server.pid! };
}
