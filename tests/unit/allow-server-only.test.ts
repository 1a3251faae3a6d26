// Server modules import the `server-only` marker. Outside Next's react-server bundles its default
// entry throws, so a Node entry point (server.ts, scripts, benchmarks) imports
// lib/entry/allow-server-only.ts first. Both halves are checked in a real tsx process, the way
// `npm run dev`, `npm run serve` and the db scripts start.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
let dir: string;

/** Runs a one-file entry point under tsx from the repository root (so the @/ alias resolves). */
function entryPoint(name: string, lines: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return spawnSync(process.execPath, ["--import", "tsx", file], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "test" },
  });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-server-only-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("server-only outside Next", () => {
  it("stops a Node process that loads a marked module without the entry-point import", { timeout: 60_000 }, () => {
    const run = entryPoint("bare.ts", ['import { getEnv } from "@/lib/env";', "process.stdout.write(typeof getEnv);"]);
    expect(run.stderr).toContain("cannot be imported from a Client Component module");
    expect(run.status).not.toBe(0);
  });

  it("lets it load marked modules when lib/entry/allow-server-only.ts comes first", { timeout: 60_000 }, () => {
    const run = entryPoint("entry.ts", [
      'import "@/lib/entry/allow-server-only";',
      'import { getEnv } from "@/lib/env";',
      'import { hashPassword } from "@/lib/auth/password";',
      "process.stdout.write([typeof getEnv, typeof hashPassword, getEnv().NODE_ENV].join());",
    ]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("function,function,test");
    expect(run.status).toBe(0);
  });
});
