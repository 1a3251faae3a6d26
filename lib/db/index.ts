// The one database module. PGlite in-process when DATABASE_URL is unset, PostgreSQL through
// @prisma/adapter-pg when it is set. Nothing opens at import time (`next build` evaluates modules
// in several worker processes); the first query opens it. One instance per process, kept on
// globalThis so the custom server and the Next.js bundle (two copies of this module) share it.
import "server-only";

import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { acquireDataDirLock } from "@/lib/db/data-dir-lock";
import { ConfigError, getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory) {
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type Database = {
  kind: "pglite" | "postgres";
  prisma: Db;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  pglite?: PGlite;
  close: () => Promise<void>;
};

const key = Symbol.for("galley.database");
type Holder = { [key]?: Database };

/** Creates the PGlite data directory if needed and fails with one clear line if it cannot. */
export function ensureDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`GALLEY_DATA_DIR ${dataDir} is not a writable directory (${reason})`);
  }
}

function openDatabase(): Database {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const adapterFactory = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: 10,
      connectionTimeoutMillis: 10_000,
    });
    const prisma = createClient(adapterFactory);
    return { kind: "postgres", prisma, adapterFactory, close: () => prisma.$disconnect() };
  }
  ensureDataDir(env.dataDir);
  const release = acquireDataDirLock(env.dataDir);
  const pglite = new PGlite(path.join(env.dataDir, "pgdata"));
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = createClient(adapterFactory);
  return {
    kind: "pglite",
    prisma,
    adapterFactory,
    pglite,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

/** The process-wide database, opened on first use. */
export function getDatabase(): Database {
  const holder = globalThis as Holder;
  holder[key] ??= openDatabase();
  return holder[key];
}

/** Closes the database (and releases the PGlite lock); the next use opens it again. */
export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const database = holder[key];
  delete holder[key];
  await database?.close();
}

/**
 * One SQL statement with $1, $2 … parameters, outside any transaction, for the few paths run so
 * often that Prisma's client costs more than the statement: on PGlite it goes straight to the
 * engine, on PostgreSQL through Prisma's raw query. Storing one live edit on PGlite took 10.5 ms
 * through createManyAndReturn, 3.3 ms through $queryRawUnsafe and 0.5 ms here (one row at a time
 * on a loaded 2-core machine), and all of it blocks the event loop. PGlite runs
 * one statement or transaction at a time, so this waits for Prisma's open transactions like any
 * Prisma query does. BIGINT columns come back as bigint on PostgreSQL and may be numbers on
 * PGlite: convert what you read.
 */
export async function queryRows<Row>(sql: string, params: unknown[]): Promise<Row[]> {
  const database = getDatabase();
  if (database.pglite) return (await database.pglite.query<Row>(sql, params)).rows;
  return database.prisma.$queryRawUnsafe<Row[]>(sql, ...params);
}

/** The Prisma client. A proxy, so importing it opens nothing; the first query does. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const prisma = getDatabase().prisma;
    const value = Reflect.get(prisma, property, prisma);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});
