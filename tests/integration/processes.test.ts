// Real processes against a real database: what happens when two Galley processes start at once,
// and how start-up failures read. Each child process costs seconds (TypeScript loader, Prisma,
// PGlite's WASM), so a check runs only in the project whose database it is about, and checks that
// share nothing run concurrently.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";

import { db } from "@/lib/db";
import { getMigrationStatus } from "@/lib/db/migrations/get-migration-status";
import { readMigrations } from "@/lib/db/migrations/read-migrations";

import { copyTemplateDatabase, startWithEmptyDatabase } from "./test-database";

// The race below migrates this file's own database from nothing.
startWithEmptyDatabase();

type Run = { code: number | null; stdout: string; stderr: string };

const repo = process.cwd();

/**
 * Runs a TypeScript entry point in `cwd` (the repository unless given), with extra environment
 * variables. Node loads tsx's hooks itself: the tsx command would start a second Node process.
 */
function run(args: string[], env: Record<string, string | undefined>, cwd = repo): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(repo, "tsconfig.json"), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const kind = process.env.GALLEY_TEST_DB;
const spareDirs: string[] = [];
afterAll(() => spareDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe(`two Galley processes at once on ${kind}`, () => {
  it("apply each migration exactly once", async () => {
    // Both on this file's empty database, which this process has not opened yet. On PGlite they
    // share one data directory, so the loser must refuse cleanly rather than corrupt it.
    const results = await Promise.all([run(["scripts/db.ts", "migrate"], {}), run(["scripts/db.ts", "migrate"], {})]);
    for (const r of results) {
      if (r.code !== 0) {
        expect(kind, `a migrate run failed: ${r.stderr}`).toBe("pglite");
        expect(r.stderr).toMatch(/in use by another process/);
      }
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    const applied = results.flatMap((r) => r.stdout.match(/Applied \d+ migration\(s\): (.*)/)?.[1]?.split(", ") ?? []);
    expect(applied.sort()).toEqual(readMigrations().map((m) => m.name));

    // What `db:status` reports, read here rather than in a third process.
    expect(await getMigrationStatus()).toMatchObject({ current: true, pending: [], failed: [], edited: [] });
  });

  // Only PGlite has a data directory to guard; PostgreSQL serves many processes by design.
  if (kind === "pglite")
    it("refuses to open a data directory another process is using, with one clear line", async () => {
      await db.$queryRawUnsafe("SELECT 1"); // this test process holds the lock (the status check above opened it)
      const second = await run(["scripts/db.ts", "status"], { GALLEY_DATA_DIR: process.env.GALLEY_DATA_DIR });
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toMatch(
        new RegExp(`^galley: The embedded database in .* is in use by another process \\(pid ${process.pid}`),
      );
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
    });
});

// Each of these starts its own processes on its own data; none depends on another.
describe.concurrent("start-up misconfiguration", () => {
  // Configuration is read before any database is opened: the embedded project covers it.
  if (kind === "pglite")
    it("fails with one line naming the variable", async () => {
      const bad = await run(["scripts/db.ts", "status"], { DATABASE_URL: "mysql://localhost/galley" });
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim()).toBe(
        "galley: Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset to use the embedded database)",
      );
    });

  if (kind === "postgres")
    it("names an unreachable database server", async () => {
      const unreachable = await run(["server.ts"], {
        DATABASE_URL: "postgresql://galley@127.0.0.1:1/galley",
        PORT: "3999",
      });
      expect(unreachable.code).toBe(1);
      expect(unreachable.stderr.trim()).toMatch(
        /^galley: Cannot reach the PostgreSQL database in DATABASE_URL \(127\.0\.0\.1:1\/galley\): .*ECONNREFUSED/,
      );
    });

  it("names a migration that fails, and records it as failed", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "galley-badmig-"));
    spareDirs.push(root);
    // A checkout whose newest migration is broken: same schema and migrations plus one bad file.
    fs.cpSync(path.join(process.cwd(), "prisma"), path.join(root, "prisma"), { recursive: true });
    fs.symlinkSync(path.join(process.cwd(), "node_modules"), path.join(root, "node_modules"));
    fs.copyFileSync(path.join(process.cwd(), "package.json"), path.join(root, "package.json"));
    fs.mkdirSync(path.join(root, "prisma", "migrations", "29990101000000_broken"));
    fs.writeFileSync(
      path.join(root, "prisma", "migrations", "29990101000000_broken", "migration.sql"),
      'ALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;',
    );
    // A database already at every good migration, so only the broken one runs: on PostgreSQL this
    // file's (migrated by the race above), on PGlite a copy of the run's template.
    const env = kind === "postgres" ? {} : { GALLEY_DATA_DIR: path.join(root, "data") };
    if (env.GALLEY_DATA_DIR)
      await copyTemplateDatabase({
        kind: "pglite",
        template: inject("galleyTemplateDatabase"),
        target: env.GALLEY_DATA_DIR,
      });
    const r = await run([path.join(repo, "scripts", "db.ts"), "migrate"], env, root);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    // Prisma's driver adapters report PostgreSQL's 42P01 in their own words on both databases.
    expect(r.stderr.trim()).toBe("galley: Migration failed: 29990101000000_broken: No such table: NoSuchTable");
    const status = await run([path.join(repo, "scripts", "db.ts"), "status"], env, root);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain("Failed: 29990101000000_broken");
  });

  if (kind === "pglite")
    it("names an unwritable data directory", async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "galley-file-")), "not-a-dir");
      spareDirs.push(path.dirname(file));
      fs.writeFileSync(file, "");
      const r = await run(["server.ts"], { DATABASE_URL: "", GALLEY_DATA_DIR: file, PORT: "3999" });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/^galley: GALLEY_DATA_DIR .*not-a-dir is not a writable directory/);
    });
});
