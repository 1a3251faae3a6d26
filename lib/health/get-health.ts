import { servingCacheEnabled } from "@/lib/cache/serving-cache";
import { getDatabase } from "@/lib/db";
import { getMigrationStatus } from "@/lib/db/migrations/get-migration-status";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import pkg from "@/package.json";

export type Health = {
  status: "ok" | "error";
  version: string;
  database: { kind: "pglite" | "postgres"; reachable: boolean; error?: string };
  migrations: { current: boolean; pending: string[]; failed: string[] } | null;
  /** Whether /api/prompts answers from this instance's cache (on PostgreSQL: while its LISTEN connection is up). */
  servingCache?: "on" | "off";
};

export async function getHealth(): Promise<Health> {
  const version = pkg.version;
  let kind: "pglite" | "postgres" = getEnv().databaseKind;
  try {
    const database = getDatabase();
    kind = database.kind;
    await database.prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    log.error("health check: database unreachable", { error });
    return {
      status: "error",
      version,
      database: { kind, reachable: false, error: "Database unreachable; see the server log." },
      migrations: null,
    };
  }
  const status = await getMigrationStatus();
  return {
    status: status.current ? "ok" : "error",
    version,
    database: { kind, reachable: true },
    migrations: { current: status.current, pending: status.pending, failed: status.failed },
    servingCache: servingCacheEnabled() ? "on" : "off",
  };
}
