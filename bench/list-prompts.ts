// npm run bench:list – 5,000 prompts (with a version each) in a fresh embedded database, then the
// studio's list queries: first page, a later page, a folder, a tag, a text search, and the folder tree.

// First: lets this process load modules marked server-only (see the file).
import "@/lib/entry/allow-server-only";

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.GALLEY_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "galley-bench-list-"));
delete process.env.DATABASE_URL;
process.env.LOG_LEVEL = "warn";

async function main() {
  const { db, closeDatabase } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
  const { listPrompts } = await import("@/lib/prompts/list-prompts");
  const { listFolders } = await import("@/lib/prompts/list-folders");
  const { listPromptsQuerySchema } = await import("@/lib/validations/prompt");
  await applyMigrations();
  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench" } });
  const project = await db.project.create({ data: { slug: "bench", name: "Bench" } });
  const folders = [
    "support",
    "support/refunds",
    "marketing",
    "agents",
    "sales/emea",
    "sales/apac",
    "internal",
    "legal",
  ];
  const started = Date.now();
  for (let batch = 0; batch < 50; batch++) {
    const rows = Array.from({ length: 100 }, (_, i) => {
      const n = batch * 100 + i;
      return {
        id: crypto.randomUUID(),
        projectId: project.id,
        name: `${folders[n % folders.length]}/prompt-${n}`,
        type: "TEXT" as const,
        tags: [`tag-${n % 20}`],
        latestVersion: 1,
        latestText: `Prompt ${n} answers {{question}} about topic ${n % 300}.`,
        updatedAt: new Date(Date.now() - n * 1000),
      };
    });
    await db.prompt.createMany({ data: rows });
    await db.promptVersion.createMany({
      data: rows.map((r) => ({
        promptId: r.id,
        number: 1,
        template: r.latestText,
        contract: { variables: [] },
        modelConfig: {},
        message: "v1",
        authorId: user.id,
      })),
    });
  }
  console.log(`seeded 5,000 prompts in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const time = async (label: string, fn: () => Promise<unknown>) => {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      await fn();
      samples.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    samples.sort((a, b) => a - b);
    console.log(`${label.padEnd(36)} median ${samples[10]!.toFixed(1)} ms  p90 ${samples[18]!.toFixed(1)} ms`);
  };
  const q = (query: Record<string, string>) =>
    listPrompts({ projectId: project.id, query: listPromptsQuerySchema.parse(query) });
  const first = await q({});
  let cursor = first.nextCursor!;
  for (let i = 0; i < 40; i++) cursor = (await q({ cursor })).nextCursor!;
  await time("first page (50)", () => q({}));
  await time("page 42 (keyset cursor)", () => q({ cursor }));
  await time("folder sales/emea", () => q({ folder: "sales/emea" }));
  await time("tag tag-7", () => q({ tag: "tag-7" }));
  await time("search 'topic 123'", () => q({ q: "topic 123" }));
  await time("folder tree (all names)", () => listFolders({ projectId: project.id }));
  await closeDatabase();
  fs.rmSync(process.env.GALLEY_DATA_DIR!, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
