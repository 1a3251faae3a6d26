import type { z } from "zod";

import { IMPORT_PREVIEW_ROWS } from "@/lib/datasets/dataset-limits";
import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import type { ImportProblem } from "@/lib/datasets/parse-dataset-file";
import { readDatasetImport } from "@/lib/datasets/read-dataset-import";
import type { VariableSpec } from "@/lib/templates/contract";
import type { ColumnTarget, DatasetRowContent, importPreviewSchema } from "@/lib/validations/dataset";

export type ImportPreview = {
  columns: string[];
  /** Each column's target: the mapping sent, or the default (a variable of the same name; "expected"). */
  mapping: Record<string, ColumnTarget>;
  /** The chosen prompt's variables, so the wizard can offer them as targets. */
  variables: VariableSpec[];
  rowCount: number;
  /** The first rows as they would be written. */
  rows: DatasetRowContent[];
  /** Every problem, by row number; the import writes nothing while there is one. */
  problems: ImportProblem[];
};

/** The import's dry run: what the file holds and every problem in it, with nothing written. */
export async function previewDatasetImport(opts: {
  projectId: string;
  datasetId: string;
  input: z.infer<typeof importPreviewSchema>;
}): Promise<ImportPreview> {
  await getDatasetOrThrow(opts);
  const read = await readDatasetImport(opts);
  return {
    columns: read.file.columns,
    mapping: read.targets,
    variables: read.variables,
    rowCount: read.rows.length,
    rows: read.rows.slice(0, IMPORT_PREVIEW_ROWS),
    problems: read.problems,
  };
}
