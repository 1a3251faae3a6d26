// Turns parsed cells into dataset rows by a column mapping, typing values by the contract of the
// prompt chosen for the mapping. Browser-safe, so the wizard's preview shows what the server writes.
import { datasetRowBytes, MAX_DATASET_ROW_BYTES, rowTooLargeMessage } from "@/lib/datasets/dataset-limits";
import type { ImportProblem, ParsedFile } from "@/lib/datasets/parse-dataset-file";
import type { VariableSpec } from "@/lib/templates/contract";
import type { ColumnTarget, DatasetRowContent } from "@/lib/validations/dataset";

/**
 * What a column maps to when the mapping leaves it out: "expected" by name, "metadata.<key>" to
 * that metadata key (the names export writes), a variable of the same name otherwise.
 */
export function defaultColumnTarget(column: string): ColumnTarget {
  if (/^expected(_output)?$/i.test(column)) return { to: "expected" };
  const key = /^metadata\.(.+)$/.exec(column)?.[1];
  return key ? { to: "metadata", key } : { to: "variable", name: column };
}

const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false, "1": true, "0": false };

/** A cell typed for its variable, or the reason it cannot be; `undefined` leaves the variable out (its default applies). */
function typed(cell: unknown, spec: VariableSpec | undefined): { value?: unknown; problem?: string } {
  if (typeof cell !== "string" || !spec) return { value: cell };
  const text = cell.trim();
  switch (spec.type) {
    case "number": {
      if (text === "") return {};
      const n = Number(text);
      return Number.isFinite(n) ? { value: n } : { problem: `“${cell.slice(0, 40)}” is not a number` };
    }
    case "boolean": {
      if (text === "") return {};
      const b = BOOLEANS[text.toLowerCase()];
      return b === undefined ? { problem: `“${cell.slice(0, 40)}” is not true or false` } : { value: b };
    }
    case "json":
    case "messages": {
      if (text === "") return {};
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { problem: `the cell is not valid JSON` };
      }
    }
    case "enum":
      if (text === "") return {};
      return spec.values && !spec.values.includes(cell)
        ? { problem: `“${cell.slice(0, 40)}” is not one of ${spec.values.join(", ")}` }
        : { value: cell };
    default:
      return { value: cell };
  }
}

/**
 * Every record as a row, with every problem (row number, column, why): a cell that does not fit
 * its variable's type, a row over the size bound, a mapping naming a column the file lacks.
 */
export function mapDatasetColumns(opts: {
  file: ParsedFile;
  mapping?: Record<string, ColumnTarget>;
  variables?: VariableSpec[];
}): { rows: DatasetRowContent[]; targets: Record<string, ColumnTarget>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  for (const column of Object.keys(opts.mapping ?? {}))
    if (!opts.file.columns.includes(column))
      problems.push({ row: null, message: `The mapping names a column the file does not have: “${column}”.` });
  const targets = Object.fromEntries(
    opts.file.columns.map((c) => [c, opts.mapping?.[c] ?? defaultColumnTarget(c)] as const),
  );
  const expectedColumns = Object.values(targets).filter((t) => t.to === "expected").length;
  if (expectedColumns > 1) problems.push({ row: null, message: "Map at most one column to expected." });
  const specs = new Map((opts.variables ?? []).map((v) => [v.name, v]));
  const rows = opts.file.records.map(({ row, cells }) => {
    const values: Record<string, unknown> = {};
    const metadata: Record<string, unknown> = {};
    let expected: string | null = null;
    for (const [column, target] of Object.entries(targets)) {
      const cell = cells[column];
      if (cell === undefined || target.to === "ignore") continue;
      if (target.to === "expected") {
        expected = typeof cell === "string" ? (cell === "" ? null : cell) : JSON.stringify(cell);
      } else if (target.to === "metadata") {
        if (cell !== "") metadata[target.key] = cell;
      } else {
        const result = typed(cell, specs.get(target.name));
        if (result.problem)
          problems.push({
            row,
            message: `Row ${row}, column “${column}”: ${result.problem} (the variable ${target.name} is ${specs.get(target.name)!.type}).`,
          });
        else if (result.value !== undefined) values[target.name] = result.value;
      }
    }
    const content = { values, expected, metadata: Object.keys(metadata).length > 0 ? metadata : null };
    const bytes = datasetRowBytes(content);
    if (bytes > MAX_DATASET_ROW_BYTES) problems.push({ row, message: `Row ${row}: ${rowTooLargeMessage(bytes)}` });
    return content;
  });
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows, targets, problems };
}
