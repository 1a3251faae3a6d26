// Real processes against a real database: what happens when two Galley processes start at once.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrations/read-migrations";

type Run = { code: number | null; stdout: string; stderr: string };

const repo = process.cwd();

/** Runs `tsx <args>` in `cwd` (the repository unless given), with extra environment variables. */
function run(args: string[], env: Record<string, string | undefined>, cwd = repo): Promise<Run> {
  return new Promise((resolve) => {
    const tsx = path.join(repo, "node_modules", ".bin", "tsx");
    const child = spawn(tsx, ["--tsconfig", path.join(repo, "tsconfig.json"), ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
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
    // PGlite: the two share one data directory, so the loser must refuse cleanly rather than corrupt it.
    const env = kind === "postgres" ? {} : { GALLEY_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "galley-race-")) };
    if (env.GALLEY_DATA_DIR) spareDirs.push(env.GALLEY_DATA_DIR);
    const results = await Promise.all([run(["scripts/db.ts", "migrate"], env), run(["scripts/db.ts", "migrate"], env)]);
    for (const r of results) {
      if (r.code !== 0) {
        expect(kind, `a migrate run failed: ${r.stderr}`).toBe("pglite");
        expect(r.stderr).toMatch(/in use by another process/);
      }
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    const applied = results.flatMap((r) => r.stdout.match(/Applied \d+ migration\(s\): (.*)/)?.[1]?.split(", ") ?? []);
    expect(applied.sort()).toEqual(readMigrations().map((m) => m.name));

    const status = await run(["scripts/db.ts", "status"], env);
    expect(status.stdout).toMatch(/Migrations are current/);
    expect(status.code).toBe(0);
  });

  // Only PGlite has a data directory to guard; PostgreSQL serves many processes by design.
  if (kind === "pglite") it("refuses to open a data directory another process is using, with one clear line", async () => {
    await db.$queryRawUnsafe("SELECT 1"); // this test process now holds the lock
    const second = await run(["scripts/db.ts", "status"], { GALLEY_DATA_DIR: process.env.GALLEY_DATA_DIR });
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(new RegExp(`^galley: The embedded database in .* is in use by another process \\(pid ${process.pid}`));
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("start-up misconfiguration", () => {
  it("fails with one line naming the variable", async () => {
    const bad = await run(["scripts/db.ts", "status"], { DATABASE_URL: "mysql://localhost/galley" });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      "galley: Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset to use the embedded database)",
    );
  });

  it("names an unreachable database server", async () => {
    const unreachable = await run(["server.ts"], { DATABASE_URL: "postgresql://galley@127.0.0.1:1/galley", PORT: "3999" });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toMatch(/^galley: Cannot reach the PostgreSQL database in DATABASE_URL \(127\.0\.0\.1:1\/galley\): .*ECONNREFUSED/);
  });

  it("names a migration that fails, and records it as failed", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "galley-badmig-"));
    spareDirs.push(root);
    // A checkout whose newest migration is broken: same schema and migrations plus one bad file.
    fs.cpSync(path.join(process.cwd(), "prisma"), path.join(root, "prisma"), { recursive: true });
    fs.symlinkSync(path.join(process.cwd(), "node_modules"), path.join(root, "node_modules"));
    fs.copyFileSync(path.join(process.cwd(), "package.json"), path.join(root, "package.json"));
    fs.mkdirSync(path.join(root, "prisma", "migrations", "29990101000000_broken"));
    fs.writeFileSync(path.join(root, "prisma", "migrations", "29990101000000_broken", "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;');
    const env = kind === "postgres" ? {} : { GALLEY_DATA_DIR: path.join(root, "data") };
    const r = await run([path.join(repo, "scripts", "db.ts"), "migrate"], env, root);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    // Prisma's driver adapters report PostgreSQL's 42P01 in their own words on both databases.
    expect(r.stderr.trim()).toBe("galley: Migration failed: 29990101000000_broken: No such table: NoSuchTable");
    const status = await run([path.join(repo, "scripts", "db.ts"), "status"], env, root);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain("Failed: 29990101000000_broken");
  });

  it("names an unwritable data directory", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "galley-file-")), "not-a-dir");
    spareDirs.push(path.dirname(file));
    fs.writeFileSync(file, "");
    const r = await run(["server.ts"], { DATABASE_URL: "", GALLEY_DATA_DIR: file, PORT: "3999" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^galley: GALLEY_DATA_DIR .*not-a-dir is not a writable directory/);
  });
});
