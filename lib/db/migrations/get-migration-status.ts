import { db } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrations/read-migrations";

export type MigrationStatus = {
  current: boolean;
  applied: string[];
  pending: string[];
  failed: string[];
  /** Applied, but the file on disk changed since (checksum mismatch). */
  edited: string[];
  /** Recorded in the database but missing from prisma/migrations (a newer Galley ran here?). */
  unknown: string[];
};

type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Compares prisma/migrations with `_prisma_migrations`. Cheap enough for every health check. */
export async function getMigrationStatus(): Promise<MigrationStatus> {
  const files = readMigrations();
  const [{ exists }] = await db.$queryRawUnsafe<[{ exists: boolean }]>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
  );
  const rows = exists
    ? await db.$queryRawUnsafe<Row[]>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations WHERE rolled_back_at IS NULL",
      )
    : [];
  const byName = new Map(rows.map((r) => [r.migration_name, r]));
  const applied: string[] = [];
  const pending: string[] = [];
  const failed: string[] = [];
  const edited: string[] = [];
  for (const file of files) {
    const row = byName.get(file.name);
    if (!row) pending.push(file.name);
    else if (!row.finished_at) failed.push(file.name);
    else {
      applied.push(file.name);
      if (row.checksum !== file.checksum) edited.push(file.name);
    }
  }
  const known = new Set(files.map((f) => f.name));
  const unknown = rows.map((r) => r.migration_name).filter((name) => !known.has(name));
  return {
    current: pending.length === 0 && failed.length === 0 && edited.length === 0,
    applied,
    pending,
    failed,
    edited,
    unknown,
  };
}
