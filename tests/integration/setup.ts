// Gives each integration test file its own database: a copy of the run's migrated template (see
// global-setup.ts), so tests start on the schema the server would have after migrating at start.
// A file about migrating itself calls startWithEmptyDatabase() and starts with nothing applied.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";

import {
  copyTemplateDatabase,
  databaseUrl,
  openEmptyDatabaseChoice,
  runAdminStatement,
  scratchDirectory,
  settleEmptyDatabaseChoice,
  testDatabaseAdminUrl,
} from "./test-database";

const kind = process.env.GALLEY_TEST_DB === "postgres" ? "postgres" : "pglite";
let target: string;
let cleanup: () => Promise<void>;
openEmptyDatabaseChoice();

// Where the database lives is fixed now, before the test file is imported; it is filled in the
// first hook (the database opens lazily on first use), once the file has said what it needs.
if (kind === "postgres") {
  const admin = testDatabaseAdminUrl();
  target = `galley_test_${crypto.randomBytes(6).toString("hex")}`;
  process.env.DATABASE_URL = databaseUrl({ admin, name: target });
  process.env.TEST_DATABASE_NAME = target;
  cleanup = () => runAdminStatement({ admin, sql: `DROP DATABASE IF EXISTS "${target}" WITH (FORCE)` });
} else {
  target = fs.mkdtempSync(path.join(scratchDirectory(), "galley-it-"));
  delete process.env.DATABASE_URL;
  process.env.GALLEY_DATA_DIR = target;
  cleanup = async () => fs.rmSync(target, { recursive: true, force: true });
}

beforeAll(async () => {
  const template = inject(settleEmptyDatabaseChoice() ? "galleyEmptyTemplateDatabase" : "galleyTemplateDatabase");
  await copyTemplateDatabase({ kind, template, target });
});

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/db");
  await closeDatabase();
  await cleanup();
});
