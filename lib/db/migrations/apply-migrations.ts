import pg from "pg";

import { getDatabase } from "@/lib/db";
import { loadSchemaEngine } from "@/lib/db/migrations/load-schema-engine";
import { createMigrationAdapterFactory } from "@/lib/db/migrations/migration-adapter-factory";
import { toMigrationList } from "@/lib/db/migrations/read-migrations";
import { getEnv } from "@/lib/env";

// Any constant works; it only has to be the same in every Galley instance.
const MIGRATION_LOCK_KEY = 7_240_011_001;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/** One line from the engine's multi-line report: which migration, and what the database said. */
export function describeMigrationFailure(message: string): string {
  const name = message.match(/migration_name="([^"]+)"/)?.[1] ?? message.match(/The `([^`]+)` migration/)?.[1];
  // The report is: a kind line ("external connector error"), the database's words, then a backtrace.
  const lines = message
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/^external connector error$/i.test(l));
  const first = (lines.find((l) => !/^\d+: /.test(l)) ?? "").trim();
  if (/found failed migrations/.test(message) && name) {
    return `Migration failed: ${name} failed earlier and is recorded as failed. Repair the database, then run npm run db:rolled-back -- ${name} and start again.`;
  }
  return `Migration failed: ${name ?? "a migration"}: ${first || "unknown error"}`;
}

async function withAdvisoryLock<T>(connectionString: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Applies pending migrations and records them in `_prisma_migrations`, as `prisma migrate deploy`
 * would. Idempotent. On PostgreSQL an advisory lock makes instances that start together take
 * turns, so each migration is applied once; PGlite is single-process already.
 */
export async function applyMigrations(): Promise<{ applied: string[] }> {
  const database = getDatabase();
  const url = getEnv().DATABASE_URL;
  const adapterFactory = createMigrationAdapterFactory(
    url && database.kind === "postgres" ? { connectionString: url } : { pglite: database.pglite! },
  );
  const run = async () => {
    const engine = await loadSchemaEngine({ adapterFactory });
    try {
      const result = await engine.applyMigrations({
        migrationsList: toMigrationList(),
        filters: { externalTables: [], externalEnums: [] },
      });
      return { applied: result.appliedMigrationNames };
    } catch (error) {
      throw new MigrationError(describeMigrationFailure((error as { message?: string }).message ?? String(error)));
    } finally {
      engine.free();
      await adapterFactory.dispose();
    }
  };
  return database.kind === "postgres" && url ? withAdvisoryLock(url, run) : run();
}
