// Gives each integration test file its own empty database: a fresh PGlite data directory, or a
// fresh database on the PostgreSQL server in TEST_DATABASE_URL. Migrations are applied first,
// exactly as the server does at start.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

const kind = process.env.GALLEY_TEST_DB;
let cleanup: () => Promise<void> = async () => undefined;

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TEST_DATABASE_URL is not set. Start a throwaway server with: eval \"$(scripts/throwaway-postgres.sh start /tmp/galley-pg)\"",
    );
  }
  return url;
}

if (kind === "postgres") {
  const name = `galley_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = adminUrl();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.TEST_DATABASE_NAME = name;
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
  });
  cleanup = async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-it-"));
  delete process.env.DATABASE_URL;
  process.env.GALLEY_DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/db");
  await closeDatabase();
  await cleanup();
});
