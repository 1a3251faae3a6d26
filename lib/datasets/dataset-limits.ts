// Bounds on datasets, shared by the server's checks and the browser's table and import wizard (no
// server imports), so a form refuses what the server would refuse, with the same words.

/** Rows in one version: 50,000 keeps a whole version's save one statement and an eval run finite. */
export const MAX_DATASET_ROWS = 50_000;
/** One row's values + expected + metadata, as UTF-8 JSON: rows are sent whole to a model. */
export const MAX_DATASET_ROW_BYTES = 256 * 1024;
/** Columns in an imported file. */
export const MAX_IMPORT_COLUMNS = 200;
/** Rows the import preview shows (every problem is listed regardless). */
export const IMPORT_PREVIEW_ROWS = 20;
/** Rows one page of a version's rows holds. */
export const MAX_ROWS_PAGE = 2_000;
/** Rows "Add to dataset" appends at once. */
export const MAX_APPENDED_ROWS = 1_000;

const encoder = new TextEncoder();

/** A row's size as stored and sent: its values, expected output and metadata as UTF-8. */
export function datasetRowBytes(row: { values?: unknown; expected?: string | null; metadata?: unknown }): number {
  return (
    encoder.encode(JSON.stringify(row.values ?? {})).length +
    encoder.encode(row.expected ?? "").length +
    encoder.encode(row.metadata == null ? "" : JSON.stringify(row.metadata)).length
  );
}

export const rowTooLargeMessage = (bytes: number) =>
  `The row is ${Math.ceil(bytes / 1024)} KB; a row may hold at most ${MAX_DATASET_ROW_BYTES / 1024} KB (values, expected and metadata together).`;
