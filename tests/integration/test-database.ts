// Each integration test file gets its own database, copied from a template that
// tests/integration/global-setup.ts migrated once for the whole run: copying costs well under a
// second, while creating and migrating a database costs 9–11 s on a loaded 2-core machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * Where PGlite test databases (the templates and each file's copy) live: /dev/shm, memory, when
 * the machine has it, else the temporary directory. Each file copies and later deletes a 40 MB,
 * 1,000-file data directory; on disk, beside the e2e lane's browser and server, that took 2.4 s a
 * file and the deleting 0.4 s, on /dev/shm 0.25 s and 0.09 s (44 files on a loaded 2-core machine).
 */
export function scratchDirectory(): string {
  const memory = "/dev/shm";
  try {
    fs.accessSync(memory, fs.constants.W_OK);
    return memory;
  } catch {
    return os.tmpdir();
  }
}

/** Which database the integration project runs on (its `GALLEY_TEST_DB`). */
export type TestDatabaseKind = "pglite" | "postgres";

const wantsEmpty = Symbol.for("galley.test.emptyDatabase");
const prepared = Symbol.for("galley.test.databasePrepared");
type Flags = { [wantsEmpty]?: boolean; [prepared]?: boolean };

/**
 * Call at the top of a test file (not inside a hook or test) whose subject is migrating: its
 * database then starts empty, with no migration applied, instead of as a copy of the template.
 */
export function startWithEmptyDatabase(): void {
  const flags = globalThis as Flags;
  if (flags[prepared])
    throw new Error(
      "startWithEmptyDatabase() must be called at the top of the test file, before its database is prepared",
    );
  flags[wantsEmpty] = true;
}

/** Before a test file is imported: it has asked for nothing yet (a worker may run several files). */
export function openEmptyDatabaseChoice(): void {
  const flags = globalThis as Flags;
  delete flags[wantsEmpty];
  delete flags[prepared];
}

/** Whether this file asked for an empty database; from now on it can no longer ask. */
export function settleEmptyDatabaseChoice(): boolean {
  const flags = globalThis as Flags;
  flags[prepared] = true;
  return flags[wantsEmpty] === true;
}

/** The admin connection string: a server where the tests may create and drop databases. */
export function testDatabaseAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set. Start a throwaway server with: eval "$(scripts/throwaway-postgres.sh start /tmp/galley-pg)"',
    );
  }
  return url;
}

/** The same server as `admin`, another database. */
export function databaseUrl(opts: { admin: string; name: string }): string {
  const url = new URL(opts.admin);
  url.pathname = `/${opts.name}`;
  return url.toString();
}

/** Runs one statement on the admin connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function runAdminStatement(opts: { admin: string; sql: string }): Promise<void> {
  const client = new pg.Client({ connectionString: opts.admin });
  await client.connect();
  try {
    await client.query(opts.sql);
  } finally {
    await client.end();
  }
}

export type CopyTemplateDatabaseOptions = {
  kind: TestDatabaseKind;
  /** PGlite: the template's `pgdata` folder. PostgreSQL: the template database's name. */
  template: string;
  /** PGlite: the data directory to fill (GALLEY_DATA_DIR). PostgreSQL: the database to create. */
  target: string;
};

/**
 * Makes `target` a private copy of the migrated template. The PGlite template is a closed data
 * directory (PGlite's close() shuts PostgreSQL down cleanly), so a plain folder copy is a
 * consistent database; PostgreSQL copies with CREATE DATABASE … TEMPLATE, which refuses while
 * anyone is connected to the template (global-setup.ts closes connections to it).
 */
export async function copyTemplateDatabase(opts: CopyTemplateDatabaseOptions): Promise<void> {
  if (opts.kind === "pglite") {
    fs.cpSync(opts.template, path.join(opts.target, "pgdata"), { recursive: true });
    return;
  }
  await runAdminStatement({
    admin: testDatabaseAdminUrl(),
    sql: `CREATE DATABASE "${opts.target}" TEMPLATE "${opts.template}"`,
  });
}
