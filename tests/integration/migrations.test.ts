import { describe, expect, it } from "vitest";

import { db, getDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { getMigrationStatus } from "@/lib/db/migrations/get-migration-status";
import { readMigrations } from "@/lib/db/migrations/read-migrations";

import { startWithEmptyDatabase } from "./test-database";

startWithEmptyDatabase();

describe(`migrations on ${process.env.GALLEY_TEST_DB}`, () => {
  it("reports pending migrations on an empty database", async () => {
    const status = await getMigrationStatus();
    expect(status.current).toBe(false);
    expect(status.pending).toEqual(readMigrations().map((m) => m.name));
  });

  it("applies every migration once, records it as Prisma does, and then reports current", async () => {
    expect(getDatabase().kind).toBe(process.env.GALLEY_TEST_DB);
    const first = await applyMigrations();
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = await applyMigrations();
    expect(second.applied).toEqual([]);
    const status = await getMigrationStatus();
    expect(status).toMatchObject({ current: true, pending: [], failed: [], edited: [] });
    const rows = await db.$queryRawUnsafe<Array<{ migration_name: string; checksum: string }>>(
      "SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
  });

  it("makes the audit log append-only in the database itself", async () => {
    await db.auditEntry.create({ data: { action: "test.entry", targetType: "test" } });
    await expect(db.auditEntry.deleteMany({ where: { action: "test.entry" } })).rejects.toThrow(/append-only/);
    await expect(
      db.auditEntry.updateMany({ where: { action: "test.entry" }, data: { action: "changed" } }),
    ).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count({ where: { action: "test.entry" } })).toBe(1);
  });
});
