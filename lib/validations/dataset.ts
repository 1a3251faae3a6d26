// Dataset rules, shared by the Datasets pages, the route handlers and the OpenAPI document.
import { z } from "zod";

import {
  datasetRowBytes,
  MAX_APPENDED_ROWS,
  MAX_DATASET_ROW_BYTES,
  MAX_DATASET_ROWS,
  MAX_ROWS_PAGE,
  rowTooLargeMessage,
} from "@/lib/datasets/dataset-limits";
import { MAX_INT4 } from "@/lib/validations/int4";

export const datasetNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(100, "Use at most 100 characters.");
const descriptionSchema = z.string().trim().max(2000, "Use at most 2,000 characters.");
const messageSchema = z.string().trim().max(500, "Use at most 500 characters.");

export const createDatasetSchema = z.object({ name: datasetNameSchema, description: descriptionSchema.default("") });

// No defaults: a PATCH writes only the fields it names (zod 4 applies defaults inside partial()).
export const updateDatasetSchema = z.object({
  name: datasetNameSchema.optional(),
  description: descriptionSchema.optional(),
  archived: z.boolean().optional(),
});

const jsonObject = z.record(z.string().max(200, "Keys use at most 200 characters."), z.unknown());

const rowFields = {
  values: jsonObject,
  expected: z.string().nullable().optional(),
  metadata: jsonObject.nullable().optional(),
};
const checkRowBytes = (
  row: { values?: unknown; expected?: string | null; metadata?: unknown },
  ctx: z.RefinementCtx,
) => {
  const bytes = datasetRowBytes(row);
  if (bytes > MAX_DATASET_ROW_BYTES) ctx.addIssue({ code: "custom", message: rowTooLargeMessage(bytes) });
};

/** One row's content: variable values, the output it should give (optional), free metadata. */
export const datasetRowContentSchema = z.object(rowFields).superRefine(checkRowBytes);
export type DatasetRowContent = z.infer<typeof datasetRowContentSchema>;

/**
 * A row of the new version: `{ id }` keeps an existing row as it is; `values` (with expected and
 * metadata) is new or changed content, written as a new row (rows never change once written).
 */
export const datasetVersionEntrySchema = z
  .object({ id: z.string().min(1).max(100).optional(), ...rowFields, values: jsonObject.optional() })
  .superRefine((entry, ctx) => {
    if (entry.values === undefined && entry.id === undefined)
      ctx.addIssue({ code: "custom", message: "Give a kept row's id or the row's values.", path: ["values"] });
    else if (entry.values !== undefined) checkRowBytes(entry, ctx);
  });
export type DatasetVersionEntry = z.infer<typeof datasetVersionEntrySchema>;

export const saveDatasetVersionSchema = z.object({
  /** The version the edits started from: saving over a newer one is a 409. */
  baseVersion: z.number().int().min(0).max(MAX_INT4),
  message: messageSchema.default(""),
  rows: z
    .array(datasetVersionEntrySchema)
    .max(MAX_DATASET_ROWS, `A version holds at most ${MAX_DATASET_ROWS.toLocaleString("en")} rows.`),
});

export const appendDatasetRowsSchema = z.object({
  rows: z
    .array(datasetRowContentSchema)
    .min(1, "Add at least one row.")
    .max(MAX_APPENDED_ROWS, `Add at most ${MAX_APPENDED_ROWS} rows at once.`),
  message: messageSchema.optional(),
});

const versionNumber = z.coerce
  .number({ error: "version is a version number." })
  .int("version is a version number.")
  .min(1, "version is a version number.")
  .max(MAX_INT4, "version is a version number.");

export const datasetRowsQuerySchema = z.object({
  /** Defaults to the latest version. */
  version: versionNumber.optional(),
  /** The position of the last row already read (keyset: pages stay right however deep). */
  after: z.coerce.number().int().min(-1).max(MAX_INT4).default(-1),
  limit: z.coerce.number().int().min(1).max(MAX_ROWS_PAGE).default(500),
});

export const datasetListQuerySchema = z.object({
  cursor: z.string().max(400).optional(),
  archived: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(100).optional(),
});

export const datasetFileFormatSchema = z.enum(["csv", "jsonl"], { error: 'format is "csv" or "jsonl".' });

/** Where an imported column goes: a variable, the expected output, a metadata key, or nowhere. */
export const columnTargetSchema = z.discriminatedUnion("to", [
  z.object({ to: z.literal("variable"), name: z.string().trim().min(1, "Name the variable.").max(200) }),
  z.object({ to: z.literal("expected") }),
  z.object({ to: z.literal("metadata"), key: z.string().trim().min(1, "Name the metadata key.").max(200) }),
  z.object({ to: z.literal("ignore") }),
]);
export type ColumnTarget = z.infer<typeof columnTargetSchema>;

const importFileSchema = z.object({
  format: datasetFileFormatSchema,
  content: z.string().min(1, "The file is empty."),
  /** Column name → target. Columns left out become variables of the same name. */
  mapping: z.record(z.string().max(500), columnTargetSchema).optional(),
  /** Type values by this prompt's latest contract (numbers, booleans, JSON); text otherwise. */
  promptId: z.string().min(1).max(100).optional(),
});

export const importPreviewSchema = importFileSchema;
export const importDatasetSchema = importFileSchema.extend({
  /** append: after the latest version's rows; replace: the file's rows only. */
  mode: z.enum(["append", "replace"]).default("append"),
  message: messageSchema.default(""),
});

export const datasetExportQuerySchema = z.object({ format: datasetFileFormatSchema.default("csv") });
