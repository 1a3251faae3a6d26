// Eval runs written straight into the tables the engine fills (EvalRun, EvalColumn, EvalResult), so
// the results side is tested on exact, known numbers without running models.
import crypto from "node:crypto";

import { db } from "@/lib/db";

export type SeedCell = {
  status?: "pending" | "done" | "error" | "cancelled";
  output?: string | null;
  error?: string | null;
  pass?: boolean | null;
  score?: number | null;
  latencyMs?: number | null;
  costUsd?: number | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
  scores?: Array<{ evaluatorId: string; name?: string; pass: boolean; score: number; reason?: string }>;
  finishedAt?: Date | null;
};

/** A dataset with one version of the given rows. */
export async function seedDatasetVersion(opts: {
  projectId: string;
  userId: string;
  rows: Array<{ values: Record<string, unknown>; expected?: string | null }>;
}) {
  const dataset = await db.dataset.create({
    data: {
      projectId: opts.projectId,
      name: `ds-${crypto.randomBytes(4).toString("hex")}`,
      createdById: opts.userId,
      latestVersion: 1,
    },
  });
  const version = await db.datasetVersion.create({
    data: { datasetId: dataset.id, number: 1, rowCount: opts.rows.length, createdById: opts.userId },
  });
  const rowIds: string[] = [];
  for (const [position, row] of opts.rows.entries()) {
    const created = await db.datasetRow.create({
      data: { datasetId: dataset.id, values: row.values as object, expected: row.expected ?? null },
    });
    await db.datasetVersionRow.create({ data: { versionId: version.id, position, rowId: created.id } });
    rowIds.push(created.id);
  }
  return { dataset, version, rowIds };
}

/** An eval run over a dataset version, its columns, and one result per column × row as `cell` says (null: none yet). */
export async function seedEvalRun(opts: {
  projectId: string;
  promptId: string;
  userId: string;
  number: number;
  datasetVersion: { id: string; datasetId: string; rowIds: string[] };
  status: "queued" | "running" | "finished" | "cancelled" | "failed";
  evaluators: Array<{ id: string; name: string; kind: string }>;
  columns: Array<{
    role: "candidate" | "baseline";
    label: string;
    version?: number | null;
    passRate?: number;
    meanScore?: number;
  }>;
  cell: (column: number, position: number) => SeedCell | null;
}) {
  const total = opts.datasetVersion.rowIds.length * opts.columns.length;
  const run = await db.evalRun.create({
    data: {
      projectId: opts.projectId,
      number: opts.number,
      promptId: opts.promptId,
      datasetId: opts.datasetVersion.datasetId,
      datasetVersionId: opts.datasetVersion.id,
      status: opts.status,
      evaluators: opts.evaluators.map((e) => ({ ...e, config: {}, negate: false, weight: 1 })),
      createdById: opts.userId,
      totalItems: total,
      startedAt: new Date(Date.now() - 60_000),
      finishedAt: opts.status === "finished" ? new Date() : null,
    },
  });
  let done = 0;
  let failed = 0;
  for (const [index, column] of opts.columns.entries()) {
    const created = await db.evalColumn.create({
      data: {
        runId: run.id,
        position: index,
        role: column.role,
        label: column.label,
        version: column.version ?? null,
        content: {},
        passRate: column.passRate ?? null,
        meanScore: column.meanScore ?? null,
      },
    });
    const data = opts.datasetVersion.rowIds.flatMap((rowId, position) => {
      const cell = opts.cell(index, position);
      if (!cell) return [];
      const status = cell.status ?? "done";
      if (status === "done") done++;
      if (status === "error") failed++;
      return [
        {
          runId: run.id,
          columnId: created.id,
          rowId,
          position,
          status,
          output: cell.output ?? null,
          error: cell.error ?? null,
          pass: cell.pass ?? null,
          score: cell.score ?? null,
          latencyMs: cell.latencyMs ?? null,
          costUsd: cell.costUsd ?? null,
          inputTokens: cell.inputTokens ?? null,
          outputTokens: cell.outputTokens ?? null,
          scores: cell.scores ?? undefined,
          finishedAt: cell.finishedAt === undefined ? (status === "pending" ? null : new Date()) : cell.finishedAt,
        },
      ];
    });
    if (data.length) await db.evalResult.createMany({ data });
  }
  await db.evalRun.update({ where: { id: run.id }, data: { doneItems: done, failedItems: failed } });
  return run;
}
