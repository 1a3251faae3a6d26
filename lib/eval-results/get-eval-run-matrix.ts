import { getEvalRunOrThrow } from "@/lib/eval-results/get-eval-run-or-throw";
import { readMatrixPage, type MatrixPage } from "@/lib/eval-results/read-matrix-page";
import type { MatrixQuery } from "@/lib/validations/eval-results";

export type MatrixColumn = { id: string; role: string; label: string };

/** One page of a run's results matrix; regressions are measured against the run's baseline column. */
export async function getEvalRunMatrix(opts: {
  projectId: string;
  number: number;
  query: MatrixQuery;
}): Promise<MatrixPage & { columns: MatrixColumn[] }> {
  const run = await getEvalRunOrThrow(opts);
  const columns = run.columns.map((c) => ({ id: c.id, role: c.role, label: c.label }));
  const page = await readMatrixPage({
    datasetVersionId: run.datasetVersionId,
    columnIds: columns.map((c) => c.id),
    referenceColumnId: run.columns.find((c) => c.role === "baseline")?.id ?? null,
    evaluators: run.evaluators,
    ...opts.query,
  });
  return { columns, ...page };
}
