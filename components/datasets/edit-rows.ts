// The dataset table's rows while being edited, and how a cell's text becomes a value. Pure, so a
// unit test pins the rules the table follows.
import type { DatasetRowView } from "@/lib/datasets/dataset-view";

/** A row on the page: `id` while it is still the stored row, null once new or changed (saved as new content). */
export type EditRow = {
  key: string;
  id: string | null;
  values: Record<string, unknown>;
  expected: string | null;
  metadata: Record<string, unknown> | null;
};

let counter = 0;
const nextKey = () => `r${++counter}`;

export const toEditRow = (row: Pick<DatasetRowView, "id" | "values" | "expected" | "metadata">): EditRow => ({
  key: nextKey(),
  id: row.id,
  values: row.values,
  expected: row.expected,
  metadata: row.metadata,
});

export const blankRow = (): EditRow => ({ key: nextKey(), id: null, values: {}, expected: null, metadata: null });

/** A copy saved as a row of its own. */
export const duplicateRow = (row: EditRow): EditRow => ({ ...row, key: nextKey(), id: null });

/** What a value cell shows: text as it is, anything else as JSON. */
export const cellText = (value: unknown): string =>
  value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);

/**
 * The value typed into a cell. A cell that held text stays text (so "42" typed into a question stays
 * a string); a cell that held a number, boolean or JSON is read as JSON when it parses. Emptying a
 * cell removes the variable, so the prompt's default applies.
 */
export function parseCell(text: string, previous: unknown): unknown {
  if (text === "") return undefined;
  if (previous === undefined || typeof previous === "string") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The variable columns: every key any row uses, first seen first, then columns added by hand. */
export function variableColumns(rows: EditRow[], extra: string[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.values)) seen.add(key);
  for (const name of extra) seen.add(name);
  return [...seen];
}

/** The save request's rows: kept rows by id, new or changed ones as content. */
export const toSaveEntries = (rows: EditRow[]) =>
  rows.map((r) => (r.id ? { id: r.id } : { values: r.values, expected: r.expected, metadata: r.metadata }));
