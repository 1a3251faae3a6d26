import pg from "pg";
import { getDatabase } from "@/lib/db";
import { createPostgresMigrationAdapterFactory } from "@/lib/db/migrations/migration-adapter-factory";
import { loadSchemaEngine } from "@/lib/db/migrations/load-schema-engine";
import { toMigrationList } from "@/lib/db/migrations/read-migrations";

// Any constant works; it only has to be the same in every Galley instance.
const MIGRATION_LOCK_KEY = 7_240_011_001;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
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
  const url = process.env.DATABASE_URL;
  const pgFactory = database.kind === "postgres" && url ? createPostgresMigrationAdapterFactory({ connectionString: url }) : null;
  const adapterFactory = pgFactory ?? database.adapterFactory;
  const run = async () => {
    const engine = await loadSchemaEngine({ adapterFactory });
    try {
      const result = await engine.applyMigrations({
        migrationsList: toMigrationList(),
        filters: { externalTables: [], externalEnums: [] },
      });
      return { applied: result.appliedMigrationNames };
    } catch (error) {
      const message = (error as { message?: string }).message ?? String(error);
      throw new MigrationError(`Migration failed: ${message.split("\n").slice(0, 6).join(" ").trim()}`);
    } finally {
      engine.free();
      await pgFactory?.dispose();
    }
  };
  return database.kind === "postgres" && url ? withAdvisoryLock(url, run) : run();
}
