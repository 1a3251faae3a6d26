// npm run db:seed – a demo project with people in every role, for screenshots and manual testing.
// Explicit only: nothing runs it implicitly. Idempotent: running it twice changes nothing.

// First: lets this process load modules marked server-only (see the file).
import "@/lib/entry/allow-server-only";

import { closeDatabase } from "@/lib/db";
import { checkDatabase } from "@/lib/db/check-database";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { fail } from "@/lib/fail";
import { seedDemo } from "@/lib/seed/seed-demo";

async function main() {
  await checkDatabase();
  await applyMigrations();
  const result = await seedDemo();
  console.log(`Demo project "${result.projectName}" is at /p/${result.projectSlug}.`);
  console.log("Sign in as any of these (password for all: %s):", result.password);
  for (const u of result.users) console.log(`  ${u.role.padEnd(8)} ${u.email}`);
  console.log(`Prompts (development and production run their latest version): ${result.prompts.join(", ")}`);
  if (result.apiKey)
    console.log(
      `API key ${result.apiKey.prefix}… (GALLEY_SEED_API_KEY) reads and writes the demo project: curl -H "Authorization: Bearer $GALLEY_SEED_API_KEY" http://localhost:3000/api/prompts/${result.prompts[0]}`,
    );
  await closeDatabase();
  process.exit();
}

main().catch(fail);
