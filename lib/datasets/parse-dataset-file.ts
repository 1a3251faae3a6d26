// Reads an imported CSV or JSONL file into named cells per row, listing every problem with its row
// number instead of stopping at the first, so a file can be fixed in one pass. Browser-safe (no
// server imports), so the import wizard and the server read a file the same way.
import Papa from "papaparse";

import { MAX_DATASET_ROWS, MAX_IMPORT_COLUMNS } from "@/lib/datasets/dataset-limits";

/** A problem in a file: `row` is the spreadsheet row (the CSV header is row 1) or JSONL line; null for the whole file. */
export type ImportProblem = { row: number | null; message: string };
export type ParsedRecord = { row: number; cells: Record<string, unknown> };
export type ParsedFile = { columns: string[]; records: ParsedRecord[]; problems: ImportProblem[] };

const readable = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;

export function parseDatasetFile(opts: { format: "csv" | "jsonl"; text: string; maxBytes: number }): ParsedFile {
  const bytes = new TextEncoder().encode(opts.text).length;
  if (bytes > opts.maxBytes)
    return {
      columns: [],
      records: [],
      problems: [
        {
          row: null,
          message: `The file is ${readable(bytes)}; an import may be at most ${readable(opts.maxBytes)} (half of GALLEY_MAX_IMPORT_BYTES). Split the file.`,
        },
      ],
    };
  // Spreadsheets save UTF-8 with a byte-order mark, which would otherwise become part of the first column's name.
  const text = opts.text.replace(/^\uFEFF/, "");
  const parsed = opts.format === "csv" ? parseCsv(text) : parseJsonl(text);
  if (parsed.records.length === 0 && !parsed.problems.some((p) => p.row === null))
    parsed.problems.push({
      row: null,
      message: opts.format === "csv" ? "The file has a header but no rows under it." : "The file has no rows.",
    });
  if (parsed.records.length > MAX_DATASET_ROWS)
    parsed.problems.push({
      row: null,
      message: `The file has ${parsed.records.length.toLocaleString("en")} rows; a version holds at most ${MAX_DATASET_ROWS.toLocaleString("en")}.`,
    });
  parsed.problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return parsed;
}

function parseCsv(text: string): ParsedFile {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(text) });
  const problems: ImportProblem[] = [];
  for (const error of result.errors) {
    const where = error.row === undefined ? null : error.row + 1;
    problems.push({
      row: where,
      message:
        error.code === "MissingQuotes"
          ? 'A quoted cell is never closed (a " is missing).'
          : error.code === "InvalidQuotes"
            ? "A quote appears inside a cell that does not start with one; wrap the cell in quotes and double the inner quote."
            : error.message,
    });
  }
  const [header = [], ...lines] = result.data;
  const columns = header.map((c) => c.trim());
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (name === "") problems.push({ row: 1, message: `Column ${i + 1} has no name in the header.` });
    else if (seen.has(name)) problems.push({ row: 1, message: `Two columns are named “${name}”.` });
    seen.add(name);
  });
  if (columns.length > MAX_IMPORT_COLUMNS)
    problems.push({
      row: 1,
      message: `The file has ${columns.length} columns; at most ${MAX_IMPORT_COLUMNS} are allowed.`,
    });
  const records: ParsedRecord[] = [];
  lines.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length === 1 && cells[0] === "") return; // a blank line
    if (cells.length > columns.length)
      problems.push({
        row,
        message: `Row ${row} has ${cells.length} cells but the header names ${columns.length} columns (a comma outside quotes?).`,
      });
    else if (cells.length < columns.length)
      problems.push({
        row,
        message: `Row ${row} has ${cells.length} cells but the header names ${columns.length} columns.`,
      });
    records.push({ row, cells: Object.fromEntries(columns.map((name, c) => [name, cells[c] ?? ""])) });
  });
  return { columns, records, problems };
}

/**
 * Comma, tab or semicolon (spreadsheets in many locales save ";"), by whichever the header line
 * holds most of. papaparse's own guess wants every row alike, which a quoted line break or a
 * trailing blank line upsets.
 */
function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, "");
  const counts = [",", "\t", ";"].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function parseJsonl(text: string): ParsedFile {
  const problems: ImportProblem[] = [];
  const records: ParsedRecord[] = [];
  const columns = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    const row = i + 1;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ row, message: `Line ${row} is not valid JSON (${(error as Error).message}).` });
      return;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problems.push({ row, message: `Line ${row} is not a JSON object ({"column": value, …}).` });
      return;
    }
    const cells = flattenExported(value as Record<string, unknown>);
    for (const key of Object.keys(cells)) columns.add(key);
    records.push({ row, cells });
  });
  if (columns.size > MAX_IMPORT_COLUMNS)
    problems.push({
      row: null,
      message: `The file has ${columns.size} keys; at most ${MAX_IMPORT_COLUMNS} are allowed.`,
    });
  return { columns: [...columns], records, problems };
}

/**
 * A line in the shape export writes ({ values, expected, metadata }) becomes the columns a CSV of
 * the same rows has (each variable, "expected", "metadata.<key>"), so exported files import back
 * with the default mapping. Any other object's keys are its columns as they are.
 */
function flattenExported(line: Record<string, unknown>): Record<string, unknown> {
  const { values, expected, metadata, ...rest } = line;
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === "object" && !Array.isArray(v);
  if (!isObject(values) || Object.keys(rest).length > 0 || (metadata != null && !isObject(metadata))) return line;
  return {
    ...values,
    ...(expected === undefined ? {} : { expected: expected ?? "" }),
    ...Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [`metadata.${k}`, v])),
  };
}
