// npm run db:migrate | db:status | db:migration -- <name>
// Runs on the WASM schema engine (see lib/db/migrations), so it works offline.

// First: lets this process load modules marked server-only (see the file).
import "@/lib/entry/allow-server-only";

import { closeDatabase } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createMigration } from "@/lib/db/migrations/create-migration";
import { getMigrationStatus } from "@/lib/db/migrations/get-migration-status";
import { markMigrationRolledBack } from "@/lib/db/migrations/mark-migration-rolled-back";
import { fail } from "@/lib/fail";

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "migrate") {
    const { applied } = await applyMigrations();
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
        : "Database is up to date; nothing to apply.",
    );
  } else if (command === "status") {
    const status = await getMigrationStatus();
    console.log(`Applied: ${status.applied.length}`);
    for (const [label, names] of [
      ["Pending", status.pending],
      ["Failed", status.failed],
      ["Edited after applying", status.edited],
      ["Unknown to this checkout", status.unknown],
    ] as const) {
      if (names.length) console.log(`${label}: ${names.join(", ")}`);
    }
    console.log(status.current ? "Migrations are current." : "Migrations are NOT current: run npm run db:migrate.");
    process.exitCode = status.current ? 0 : 1;
  } else if (command === "rolled-back") {
    if (!name) throw new Error("Name the failed migration: npm run db:rolled-back -- 20260101000000_name");
    await markMigrationRolledBack({ name });
    console.log(`Marked ${name} as rolled back; npm run db:migrate will apply it again.`);
  } else if (command === "migration") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) {
      throw new Error(
        "Give the migration a name of lowercase letters, digits and underscores: npm run db:migration -- add_prompts",
      );
    }
    const { directory } = await createMigration({ name });
    console.log(
      directory ? `Wrote ${directory}/migration.sql` : "The schema matches the migrations; no migration written.",
    );
  } else {
    throw new Error("Usage: tsx scripts/db.ts migrate | status | migration <name> | rolled-back <name>");
  }
  await closeDatabase();
  // The WASM engine and pg leave idle timers behind; nothing is pending once we get here.
  process.exit();
}

main().catch(fail);
