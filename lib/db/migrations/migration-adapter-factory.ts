import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

type ScriptRunner = {
  client: { query?: (sql: string) => Promise<unknown>; exec?: (sql: string) => Promise<unknown> };
  onError: (e: unknown) => never;
};

/**
 * Both driver adapters run migration scripts wrongly, so the schema engine gets a fixed copy:
 * - @prisma/adapter-pg splits a script on ";", breaking function bodies and strings with semicolons;
 * - pglite-prisma-adapter calls PGlite's async exec() without awaiting it, so a failing migration
 *   is recorded as applied and later statements can race it.
 * Both now send the whole script in one simple-protocol call (one implicit transaction) and wait.
 */
function runScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as SqlDriverAdapter & ScriptRunner;
  internals.executeScript = async (script: string) => {
    try {
      if (internals.client.exec) await internals.client.exec(script);
      else await internals.client.query!(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

export type MigrationAdapterFactory = SqlMigrationAwareDriverAdapterFactory & { dispose: () => Promise<void> };

/**
 * The adapter factory the schema engine uses, with `dispose` to close what it opened (the engine
 * does not, and an idle pool would keep the process alive).
 */
export function createMigrationAdapterFactory(
  target: { connectionString: string } | { pglite: PGlite },
): MigrationAdapterFactory {
  const factory =
    "pglite" in target
      ? new PrismaPGlite(target.pglite)
      : new PrismaPg({ connectionString: target.connectionString, max: 2 });
  const opened: SqlDriverAdapter[] = [];
  const shadows: PGlite[] = [];
  const track = (adapter: SqlDriverAdapter) => (opened.push(adapter), runScriptsWhole(adapter));
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => {
      if (!("pglite" in target)) return track(await factory.connectToShadowDb());
      const shadow = new PGlite(); // in memory, closed on dispose
      shadows.push(shadow);
      return track(await new PrismaPGlite(shadow).connect());
    },
    dispose: async () => {
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose().catch(() => undefined)));
      await Promise.all(shadows.splice(0).map((shadow) => shadow.close().catch(() => undefined)));
    },
  };
}
