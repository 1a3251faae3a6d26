import { getDatabase } from "@/lib/db";
import { loadSchemaEngine } from "@/lib/db/migrations/load-schema-engine";
import { createMigrationAdapterFactory } from "@/lib/db/migrations/migration-adapter-factory";
import { getEnv } from "@/lib/env";

/** After repairing a database by hand: mark a failed migration rolled back so it can be applied again. */
export async function markMigrationRolledBack(opts: { name: string }): Promise<void> {
  const database = getDatabase();
  const url = getEnv().DATABASE_URL;
  const adapterFactory = createMigrationAdapterFactory(
    url && database.kind === "postgres" ? { connectionString: url } : { pglite: database.pglite! },
  );
  const engine = await loadSchemaEngine({ adapterFactory });
  try {
    await engine.markMigrationRolledBack({ migrationName: opts.name });
  } finally {
    engine.free();
    await adapterFactory.dispose();
  }
}
