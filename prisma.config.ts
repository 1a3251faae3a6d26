// Prisma CLI configuration. The CLI is only used for `prisma generate`; migrations run on the
// WASM schema engine through scripts/db.ts (see lib/db/migrations), which works offline.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
