// Vitest globalSetup of both integration projects: migrates one template database per run, which
// tests/integration/setup.ts copies for each test file (see test-database.ts for why).
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

import {
  databaseUrl,
  runAdminStatement,
  scratchDirectory,
  testDatabaseAdminUrl,
  type TestDatabaseKind,
} from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template each test file copies: a PGlite `pgdata` folder, or a PostgreSQL database name. */
    galleyTemplateDatabase: string;
    /** The same with no migration applied, for files that call startWithEmptyDatabase(). */
    galleyEmptyTemplateDatabase: string;
  }
}

/**
 * Migrates with the command users run (`npm run db:migrate`), in a process of its own: it closes
 * PGlite (a clean shutdown) before it exits, and leaves no connection to a PostgreSQL template,
 * which CREATE DATABASE … TEMPLATE requires.
 */
async function migrate(env: Record<string, string>): Promise<void> {
  await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", ...env },
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.GALLEY_TEST_DB as TestDatabaseKind;
  if (kind === "postgres") {
    const admin = testDatabaseAdminUrl();
    // A name of its own per run: another run on the same server may be using its own template.
    const name = `galley_template_${crypto.randomBytes(6).toString("hex")}`;
    await runAdminStatement({ admin, sql: `CREATE DATABASE "${name}"` });
    const drop = () => runAdminStatement({ admin, sql: `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` });
    try {
      await migrate({ DATABASE_URL: databaseUrl({ admin, name }) });
      // A stray connection would make every copy fail; nothing needs one.
      await runAdminStatement({ admin, sql: `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false` });
    } catch (error) {
      await drop();
      throw error;
    }
    project.provide("galleyTemplateDatabase", name);
    // What a plain CREATE DATABASE copies.
    project.provide("galleyEmptyTemplateDatabase", "template1");
    return drop;
  }
  // PGlite's initdb alone costs 10+ s under load, so even an empty database is copied: initdb once
  // into `empty`, then a copy of it migrated into `migrated`. Only the `pgdata` folders are
  // templates: a data directory's lock file and generated secrets stay per test file.
  const dir = fs.mkdtempSync(path.join(scratchDirectory(), "galley-it-template-"));
  const remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  const empty = path.join(dir, "empty", "pgdata");
  const migrated = path.join(dir, "migrated");
  try {
    fs.mkdirSync(empty, { recursive: true });
    const cluster = new PGlite(empty);
    await cluster.waitReady;
    await cluster.close();
    fs.cpSync(empty, path.join(migrated, "pgdata"), { recursive: true });
    await migrate({ DATABASE_URL: "", GALLEY_DATA_DIR: migrated });
  } catch (error) {
    await remove();
    throw error;
  }
  project.provide("galleyTemplateDatabase", path.join(migrated, "pgdata"));
  project.provide("galleyEmptyTemplateDatabase", empty);
  return remove;
}
