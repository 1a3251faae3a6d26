import Papa from "papaparse";

import { getEvalRunOrThrow } from "@/lib/eval-results/get-eval-run-or-throw";
import { readMatrixPage, type MatrixCell, type MatrixRow } from "@/lib/eval-results/read-matrix-page";
import type { MatrixFilter } from "@/lib/validations/eval-results";

// Rows read per database round trip: the export holds one batch in memory at a time, however large
// the dataset, and a slow client slows the reads down instead of piling rows up (pull stream).
const BATCH = 200;

const cellFields = [
  "output",
  "status",
  "pass",
  "score",
  "latency ms",
  "input tokens",
  "output tokens",
  "cost usd",
  "error",
  "reasons",
];

function cellValues(cell: MatrixCell | null): Array<string | number | boolean | null> {
  if (!cell) return cellFields.map(() => null);
  return [
    cell.output,
    cell.status,
    cell.pass,
    cell.score,
    cell.latencyMs,
    cell.inputTokens,
    cell.outputTokens,
    cell.costUsd,
    cell.error,
    cell.evaluators
      .map((e) => `${e.name}: ${e.pass === null ? "–" : e.pass ? "pass" : "fail"}${e.reason ? ` (${e.reason})` : ""}`)
      .join("; "),
  ];
}

// escapeFormulae: a cell starting with = + - @ would run as a formula when the file is opened in a
// spreadsheet; model outputs and dataset values are text someone else wrote.
const csv = (rows: unknown[][]) => Papa.unparse(rows, { escapeFormulae: true, newline: "\r\n" }) + "\r\n";

/**
 * A run's results matrix as a CSV or JSON file, streamed batch by batch (with the matrix's filters,
 * so "export what I see" works). CSV: one line per dataset row, the row's values and expected output,
 * then per column its output, verdict, score, latency, tokens, cost, error and evaluator reasons.
 */
export async function exportEvalRun(opts: {
  projectId: string;
  number: number;
  format: "csv" | "json";
  filter?: MatrixFilter;
  q?: string;
}): Promise<{ stream: ReadableStream<Uint8Array>; filename: string }> {
  const run = await getEvalRunOrThrow(opts);
  const columnIds = run.columns.map((c) => c.id);
  const encoder = new TextEncoder();
  let after: number | undefined;
  let started = false;
  let first = true;
  const head = () =>
    opts.format === "csv"
      ? csv([
          ["position", "values", "expected", ...run.columns.flatMap((c) => cellFields.map((f) => `${c.label} ${f}`))],
        ])
      : `{"run":${JSON.stringify({
          number: run.number,
          status: run.status,
          prompt: run.prompt.name,
          dataset: { name: run.datasetVersion.dataset.name, version: run.datasetVersion.number },
          evaluators: run.evaluators,
          columns: run.columns.map((c) => ({ id: c.id, role: c.role, label: c.label, version: c.version })),
        })},"rows":[`;
  const body = (rows: MatrixRow[]) => {
    if (opts.format === "csv")
      return csv(
        rows.map((r) => [
          r.position,
          JSON.stringify(r.values),
          r.expected,
          ...r.cells.flatMap((cell) => cellValues(cell)),
        ]),
      );
    const text = rows.map((r) => JSON.stringify(r)).join(",");
    const out = first || !text ? text : `,${text}`;
    if (text) first = false;
    return out;
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head()));
        return;
      }
      const page = await readMatrixPage({
        datasetVersionId: run.datasetVersionId,
        columnIds,
        referenceColumnId: run.columns.find((c) => c.role === "baseline")?.id ?? null,
        evaluators: run.evaluators,
        filter: opts.filter,
        q: opts.q,
        after,
        limit: BATCH,
      });
      if (page.rows.length) controller.enqueue(encoder.encode(body(page.rows)));
      if (page.nextAfter === null) {
        if (opts.format === "json") controller.enqueue(encoder.encode("]}"));
        controller.close();
      } else after = page.nextAfter;
    },
  });
  return { stream, filename: `eval-run-${run.number}.${opts.format}` };
}
