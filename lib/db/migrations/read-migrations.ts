// Reads prisma/migrations in Prisma's own layout: <timestamp>_<name>/migration.sql + migration_lock.toml.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";

// Read at run time from the checkout, never bundled: hence the turbopackIgnore hints.
export const migrationsDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
export const schemaPath = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "schema.prisma");

export type MigrationFileInfo = { name: string; sql: string; checksum: string };

/** Migrations on disk, oldest first, each with the SHA-256 checksum Prisma records when applying it. */
export function readMigrations(dir = migrationsDir()): MigrationFileInfo[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/** The same migrations in the shape the schema engine takes. */
export function toMigrationList(dir = migrationsDir()): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}
