// npm run bench:dataset-import – a 10,000-row CSV (quoted commas and line breaks, typed by a
// prompt's contract) previewed and then imported as one version, in a fresh embedded database:
// prints each step's time, then the same for saving the imported version again with one row changed.

// First: lets this process load modules marked server-only (see the file).
import "@/lib/entry/allow-server-only";

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.GALLEY_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "galley-bench-dataset-"));
delete process.env.DATABASE_URL;
process.env.LOG_LEVEL = "warn";

const ROWS = 10_000;

async function main() {
  const { db, closeDatabase } = await import("@/lib/db");
  const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
  const { createDataset } = await import("@/lib/datasets/create-dataset");
  const { previewDatasetImport } = await import("@/lib/datasets/preview-dataset-import");
  const { importDatasetFile } = await import("@/lib/datasets/import-dataset-file");
  const { saveDatasetVersion } = await import("@/lib/datasets/save-dataset-version");
  const { createPrompt } = await import("@/lib/prompts/create-prompt");
  const { saveVersion } = await import("@/lib/prompts/save-version");
  await applyMigrations();
  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench" } });
  const project = await db.project.create({ data: { slug: "bench", name: "Bench" } });
  const ctx = { actor: { userId: user.id, email: user.email }, requestId: "bench" };
  const prompt = await createPrompt({
    ctx,
    projectId: project.id,
    input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
  });
  await saveVersion({
    ctx,
    projectId: project.id,
    promptId: prompt.id,
    authorId: user.id,
    baseVersion: 0,
    message: "v1",
    content: {
      template: "{{question}} ({{priority}}, vip: {{vip}})",
      contract: {
        variables: [
          { name: "question", type: "string", required: true },
          { name: "priority", type: "number", required: true },
          { name: "vip", type: "boolean", required: true },
        ],
      },
      modelConfig: {},
    },
  });
  const dataset = await createDataset({
    ctx,
    projectId: project.id,
    creatorId: user.id,
    input: { name: "Support questions", description: "" },
  });
  const lines = ["question,priority,vip,expected,channel"];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `"Order ${i}, where is it?\nIt was due on day ${i % 30}.",${i % 5},${i % 2 === 0},"Your order ${i} ships ""soon"".",${i % 3 === 0 ? "web" : "app"}`,
    );
  const content = `${lines.join("\n")}\n`;
  const input = {
    format: "csv" as const,
    content,
    promptId: prompt.id,
    mapping: { channel: { to: "metadata" as const, key: "channel" } },
  };
  console.log(`file: ${ROWS.toLocaleString("en")} rows, ${(Buffer.byteLength(content) / 1024 / 1024).toFixed(1)} MB`);

  const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    const result = await fn();
    console.log(`${label.padEnd(42)} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0).padStart(6)} ms`);
    return result;
  };
  const preview = await time("preview (parse, map, every problem)", () =>
    previewDatasetImport({ projectId: project.id, datasetId: dataset.id, input }),
  );
  if (preview.problems.length > 0 || preview.rowCount !== ROWS) throw new Error("the bench file should be valid");
  const imported = await time("commit (one new version)", () =>
    importDatasetFile({
      ctx,
      projectId: project.id,
      datasetId: dataset.id,
      userId: user.id,
      input: { ...input, mode: "append", message: "" },
    }),
  );
  if (imported.rowCount !== ROWS) throw new Error("every row should be imported");
  const kept = await db.datasetVersionRow.findMany({
    where: { version: { datasetId: dataset.id, number: 1 } },
    orderBy: { position: "asc" },
    select: { rowId: true },
  });
  await time("save version 2 (10,000 kept, 1 changed)", () =>
    saveDatasetVersion({
      ctx,
      projectId: project.id,
      datasetId: dataset.id,
      userId: user.id,
      input: {
        baseVersion: 1,
        message: "one fix",
        rows: [
          { values: { question: "changed", priority: 1, vip: false } },
          ...kept.slice(1).map((k) => ({ id: k.rowId })),
        ],
      },
    }),
  );
  await closeDatabase();
  fs.rmSync(process.env.GALLEY_DATA_DIR!, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
