import type { z } from "zod";

import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { insertDatasetVersion, type VersionEntry } from "@/lib/datasets/insert-dataset-version";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import type { saveDatasetVersionSchema } from "@/lib/validations/dataset";

/**
 * Saves the table's edits as the next version: the whole ordered list, kept rows by id and new or
 * changed rows as content. Older versions keep their rows (rows are never changed once written).
 */
export async function saveDatasetVersion(opts: {
  ctx: RequestContext;
  projectId: string;
  datasetId: string;
  userId: string;
  input: z.infer<typeof saveDatasetVersionSchema>;
}): Promise<{ number: number; rowCount: number; added: number }> {
  const dataset = await getDatasetOrThrow({ projectId: opts.projectId, datasetId: opts.datasetId, forWrite: true });
  const entries = opts.input.rows.map((r): VersionEntry =>
    r.values === undefined ? { id: r.id! } : { values: r.values, expected: r.expected, metadata: r.metadata },
  );
  return db.$transaction(
    (tx) =>
      insertDatasetVersion({
        tx,
        ctx: opts.ctx,
        projectId: opts.projectId,
        datasetId: dataset.id,
        createdById: opts.userId,
        message: opts.input.message,
        entries,
        baseVersion: opts.input.baseVersion,
        action: "dataset.version-create",
      }),
    { timeout: 60_000 },
  );
}
