import { ConfigError, getEnv } from "@/lib/env";
import { getDatabase } from "@/lib/db";

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "the configured server";
  }
}

/** Opens the database and runs one query, turning failures into one line that says what to fix. */
export async function checkDatabase(): Promise<void> {
  const env = getEnv();
  try {
    await getDatabase().prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const e = error as { message?: string; code?: string; cause?: { message?: string; code?: string } };
    const reason = [e.code ?? e.cause?.code, (e.cause?.message ?? e.message ?? String(error)).split("\n")[0]].filter(Boolean).join(" ");
    if (env.DATABASE_URL) {
      throw new ConfigError(`Cannot reach the PostgreSQL database in DATABASE_URL (${describeUrl(env.DATABASE_URL)}): ${reason}`);
    }
    throw new ConfigError(`Cannot open the embedded database in ${env.dataDir}: ${reason}`);
  }
}
