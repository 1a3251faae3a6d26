// The integration suite's own footing: every test file starts on a migrated database of its own,
// copied from the run's template, and nothing a file writes reaches the files after it.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";

import { db } from "@/lib/db";
import { getMigrationStatus } from "@/lib/db/migrations/get-migration-status";
import { readMigrations } from "@/lib/db/migrations/read-migrations";

import { makeUser } from "./helpers";
import {
  copyTemplateDatabase,
  databaseUrl,
  runAdminStatement,
  testDatabaseAdminUrl,
  type TestDatabaseKind,
} from "./test-database";

const kind = process.env.GALLEY_TEST_DB as TestDatabaseKind;

/** Counts the users in a fresh copy of the template, as the next test file would get it. */
async function usersInNextFilesCopy(): Promise<number> {
  const template = inject("galleyTemplateDatabase");
  if (kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-it-probe-"));
    try {
      await copyTemplateDatabase({ kind, template, target: dir });
      const copy = new PGlite(path.join(dir, "pgdata"));
      try {
        const { rows } = await copy.query<{ n: number }>('SELECT count(*)::int AS n FROM "User"');
        return rows[0]!.n;
      } finally {
        await copy.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const admin = testDatabaseAdminUrl();
  const name = `galley_probe_${crypto.randomBytes(6).toString("hex")}`;
  await copyTemplateDatabase({ kind, template, target: name });
  try {
    const client = new pg.Client({ connectionString: databaseUrl({ admin, name }) });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "User"');
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  } finally {
    await runAdminStatement({ admin, sql: `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` });
  }
}

describe(`each test file's database on ${kind}`, () => {
  it("starts with every migration applied, without the file migrating it", async () => {
    const status = await getMigrationStatus();
    expect(status).toMatchObject({ current: true, pending: [], failed: [], edited: [] });
    expect(status.applied).toEqual(readMigrations().map((m) => m.name));
  });

  it("is a private copy: a row written here is not in the copy the next file gets", async () => {
    await makeUser();
    expect(await db.user.count()).toBe(1);
    expect(await usersInNextFilesCopy()).toBe(0);
  });
});
