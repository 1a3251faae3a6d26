import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UsageRow } from "@/lib/outcomes/create-usage-counter";

/**
 * Adds one batch of counted requests to UsageCount in one statement: rows that exist get the new
 * counts added, so instances (and retries of a failed batch's unwritten part) add up instead of
 * overwriting each other. The batch must not name a row twice (the counter's Map guarantees it).
 */
export async function writeUsageCounts(rows: UsageRow[]): Promise<void> {
  if (rows.length === 0) return;
  // The minute as text cast to timestamp: stored as the UTC minute whatever the session's time zone.
  const values = rows.map(
    (row) =>
      Prisma.sql`(${row.projectId}, ${row.promptId}, ${row.environmentId}, ${row.releaseId}, ${row.version}, ${row.apiKeyId}, ${row.minute.toISOString()}::timestamp(3), ${row.count})`,
  );
  await db.$executeRaw`
    INSERT INTO "UsageCount" ("projectId", "promptId", "environmentId", "releaseId", "version", "apiKeyId", "minute", "count")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("promptId", "environmentId", "releaseId", "version", "apiKeyId", "minute")
    DO UPDATE SET "count" = "UsageCount"."count" + EXCLUDED."count"`;
}
