import { AppError, validationError } from "@/lib/errors";
import type { MatrixColumn } from "@/lib/eval-results/get-eval-run-matrix";
import { getEvalRunOrThrow, type EvalRunRow } from "@/lib/eval-results/get-eval-run-or-throw";
import { readMatrixPage, type MatrixPage } from "@/lib/eval-results/read-matrix-page";
import { readResultGroups } from "@/lib/eval-results/read-result-groups";
import { summarizeColumns, type ColumnSummary } from "@/lib/eval-results/summarize-columns";
import type { MatrixQuery } from "@/lib/validations/eval-results";

type ComparedRun = { number: number; promptName: string; finishedAt: string | null; label: string };

export type EvalRunComparison = MatrixPage & {
  a: ComparedRun;
  b: ComparedRun;
  dataset: { name: string; version: number };
  /** A's candidate, then B's; B's summary carries its delta against A. */
  columns: Array<MatrixColumn & { summary: ColumnSummary }>;
};

function candidateOf(run: EvalRunRow) {
  const column = run.columns.find((c) => c.role === "candidate") ?? run.columns[0];
  if (!column) throw new AppError({ code: "conflict", message: `Eval run #${run.number} has no columns.` });
  return column;
}

/**
 * Two finished runs of one dataset version, row by row: the matrix with A's candidate column as the
 * reference (regressions: A passes, B fails) and B's candidate beside it. Runs still going would
 * compare moving numbers, and runs of other dataset versions would pair up unrelated rows: both are 409s.
 */
export async function compareEvalRuns(opts: {
  projectId: string;
  a: number;
  b: number;
  query: MatrixQuery;
}): Promise<EvalRunComparison> {
  if (opts.a === opts.b) throw validationError([{ path: "b", message: "Choose another run to compare with." }]);
  const [a, b] = await Promise.all([
    getEvalRunOrThrow({ projectId: opts.projectId, number: opts.a }),
    getEvalRunOrThrow({ projectId: opts.projectId, number: opts.b }),
  ]);
  for (const run of [a, b])
    if (run.status !== "finished")
      throw new AppError({
        code: "conflict",
        message: `Eval run #${run.number} is ${run.status}; only finished runs can be compared.`,
      });
  if (a.datasetVersionId !== b.datasetVersionId)
    throw new AppError({
      code: "conflict",
      message: `Eval runs #${a.number} and #${b.number} used different dataset versions; compare runs of the same one.`,
    });
  const [columnA, columnB] = [candidateOf(a), candidateOf(b)];
  const columnIds = [columnA.id, columnB.id];
  const evaluators = [...a.evaluators, ...b.evaluators.filter((e) => !a.evaluators.some((x) => x.id === e.id))];
  const [page, groups] = await Promise.all([
    readMatrixPage({
      datasetVersionId: a.datasetVersionId,
      columnIds,
      referenceColumnId: columnA.id,
      evaluators,
      ...opts.query,
    }),
    readResultGroups({ columnIds }),
  ]);
  const [summaryA, summaryB] = summarizeColumns({
    columns: [
      { ...columnA, role: "baseline" },
      { ...columnB, role: "candidate" },
    ],
    groups,
    stored: true,
  });
  const described = (run: EvalRunRow, label: string): ComparedRun => ({
    number: run.number,
    promptName: run.prompt.name,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    label,
  });
  return {
    a: described(a, columnA.label),
    b: described(b, columnB.label),
    dataset: { name: a.datasetVersion.dataset.name, version: a.datasetVersion.number },
    columns: [
      { id: columnA.id, role: "reference", label: `#${a.number} ${columnA.label}`, summary: summaryA! },
      { id: columnB.id, role: "candidate", label: `#${b.number} ${columnB.label}`, summary: summaryB! },
    ],
    ...page,
  };
}
