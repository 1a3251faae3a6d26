import type { z } from "zod";

import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { insertDatasetVersion } from "@/lib/datasets/insert-dataset-version";
import { readDatasetImport } from "@/lib/datasets/read-dataset-import";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import type { importDatasetSchema } from "@/lib/validations/dataset";

/**
 * Imports a whole CSV or JSONL file as one new version (after the latest rows, or replacing them).
 * All or nothing: while the file has any problem, nothing is written and the 422 lists them all.
 */
export async function importDatasetFile(opts: {
  ctx: RequestContext;
  projectId: string;
  datasetId: string;
  userId: string;
  input: z.infer<typeof importDatasetSchema>;
}): Promise<{ number: number; rowCount: number; added: number }> {
  const dataset = await getDatasetOrThrow({ projectId: opts.projectId, datasetId: opts.datasetId, forWrite: true });
  const read = await readDatasetImport(opts);
  if (read.problems.length > 0)
    throw new AppError({
      code: "validation_failed",
      message: `The file has ${read.problems.length === 1 ? "a problem" : `${read.problems.length} problems`}; nothing was imported. ${read.problems[0]!.message}`,
      details: { problems: read.problems },
    });
  return db.$transaction(
    (tx) =>
      insertDatasetVersion({
        tx,
        ctx: opts.ctx,
        projectId: opts.projectId,
        datasetId: dataset.id,
        createdById: opts.userId,
        message:
          opts.input.message ||
          `Imported ${read.rows.length.toLocaleString("en")} rows (${opts.input.format.toUpperCase()})`,
        entries: read.rows,
        appendToLatest: opts.input.mode === "append",
        action: "dataset.import",
      }),
    { timeout: 60_000 },
  );
}
