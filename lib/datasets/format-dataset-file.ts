// Writes a version's rows as CSV or JSONL. Browser-safe and pure, so a unit test pins the escaping.
import Papa from "papaparse";

import type { DatasetRowView } from "@/lib/datasets/dataset-view";

type Row = Pick<DatasetRowView, "values" | "expected" | "metadata">;

/**
 * CSV: one column per variable (first-seen order), then `expected`, then `metadata.<key>` columns,
 * so the file imports back with the default mapping (metadata columns mapped by their prefix).
 * Text cells stay as they are; other values are written as JSON. Every cell is quoted, so commas,
 * quotes, line breaks and leading spaces survive any spreadsheet.
 */
export function formatDatasetCsv(rows: Row[]): string {
  const variables = new Set<string>();
  const metadataKeys = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row.values)) variables.add(key);
    for (const key of Object.keys(row.metadata ?? {})) metadataKeys.add(key);
  }
  const cell = (value: unknown) =>
    value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const header = [...variables, "expected", ...[...metadataKeys].map((k) => `metadata.${k}`)];
  const data = rows.map((row) => [
    ...[...variables].map((v) => cell(row.values[v])),
    row.expected ?? "",
    ...[...metadataKeys].map((k) => cell(row.metadata?.[k])),
  ]);
  // Cells are written exactly (no quote prefixed to "=…" cells against spreadsheet formulas): the
  // file's purpose is to come back in unchanged, and rows are prompt inputs, not sheets to open.
  return `${Papa.unparse([header, ...data], { quotes: true, newline: "\r\n", escapeFormulae: false })}\r\n`;
}

/** JSONL: one `{ values, expected, metadata }` object per line, exactly as stored. */
export function formatDatasetJsonl(rows: Row[]): string {
  return rows
    .map((row) => JSON.stringify({ values: row.values, expected: row.expected, metadata: row.metadata }))
    .join("\n")
    .concat(rows.length > 0 ? "\n" : "");
}
