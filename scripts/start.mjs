// npm start: build the app if there is no build yet (or sources changed since), then serve it.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = process.cwd();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const buildId = path.join(root, ".next", "BUILD_ID");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["app", "components", "lib", "public"].filter((d) => fs.existsSync(path.join(root, d)));
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const changed = ["next.config.js", "package-lock.json", "postcss.config.mjs"].some(
  (f) => fs.existsSync(f) && fs.statSync(f).mtimeMs > builtAt,
);
if (!builtAt || changed || sources.some((d) => newestSource(path.join(root, d)) > builtAt)) {
  console.log(
    builtAt
      ? "Sources changed since the last build: rebuilding Galley…"
      : "First start: building Galley (a minute or two)…",
  );
  const build = spawnSync(bin("next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(bin("tsx"), ["server.ts"], { stdio: "inherit", env: { NODE_ENV: "production", ...process.env } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
