import pg from "pg";

import { getDatabase } from "@/lib/db";
import { ConfigError, getEnv } from "@/lib/env";

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "the configured server";
  }
}

function reasonOf(error: unknown): string {
  const e = error as { message?: string; code?: string };
  const lines = (e.message ?? String(error))
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const message = lines[lines.length - 1] ?? "unknown error";
  return e.code && !message.includes(e.code) ? `${message} (${e.code})` : message;
}

/** Opens the database and runs one query, turning failures into one line that says what to fix. */
export async function checkDatabase(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    // A plain pg connection first: its errors (refused, bad password, no such database) say what is wrong.
    const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
    } catch (error) {
      throw new ConfigError(
        `Cannot reach the PostgreSQL database in DATABASE_URL (${describeUrl(env.DATABASE_URL)}): ${reasonOf(error)}`,
      );
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  try {
    await getDatabase().prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const where = env.DATABASE_URL
      ? `the PostgreSQL database in DATABASE_URL (${describeUrl(env.DATABASE_URL)})`
      : `the embedded database in ${env.dataDir}`;
    throw new ConfigError(`Cannot open ${where}: ${reasonOf(error)}`);
  }
}
