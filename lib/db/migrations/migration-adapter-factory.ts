import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

type PgAdapterInternals = SqlDriverAdapter & { client: { query: (sql: string) => Promise<unknown> }; onError: (e: unknown) => never };

// @prisma/adapter-pg runs a script by splitting it on ";", which breaks any migration holding a
// function body or a string with a semicolon. PostgreSQL's simple query protocol takes the whole
// script at once (and runs it as one implicit transaction), so send it whole.
function sendScriptsWhole(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as PgAdapterInternals;
  internals.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

/**
 * The adapter factory the schema engine uses on a PostgreSQL server, with `dispose` to close the
 * connections it opened (the engine does not, and an idle pool would keep the process alive).
 */
export function createPostgresMigrationAdapterFactory(opts: { connectionString: string }): SqlMigrationAwareDriverAdapterFactory & {
  dispose: () => Promise<void>;
} {
  const factory = new PrismaPg({ connectionString: opts.connectionString, max: 2 });
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter) => (opened.push(adapter), sendScriptsWhole(adapter));
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
    dispose: async () => {
      await Promise.all(opened.splice(0).map((adapter) => adapter.dispose().catch(() => undefined)));
    },
  };
}
