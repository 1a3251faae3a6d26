import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { insertDatasetVersion } from "@/lib/datasets/insert-dataset-version";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import type { DatasetRowContent } from "@/lib/validations/dataset";

/**
 * "Add to dataset": a new version holding the latest version's rows and then these. Nobody edits a
 * base here, so there is no stale-base check: two people adding rows at once both land, in turn.
 */
export async function addDatasetRows(opts: {
  ctx: RequestContext;
  projectId: string;
  datasetId: string;
  userId: string;
  rows: DatasetRowContent[];
  message?: string;
}): Promise<{ number: number; rowCount: number; added: number }> {
  const dataset = await getDatasetOrThrow({ projectId: opts.projectId, datasetId: opts.datasetId, forWrite: true });
  return db.$transaction((tx) =>
    insertDatasetVersion({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      datasetId: dataset.id,
      createdById: opts.userId,
      message: opts.message || (opts.rows.length === 1 ? "Added a row" : `Added ${opts.rows.length} rows`),
      entries: opts.rows,
      appendToLatest: true,
      action: "dataset.rows-add",
    }),
  );
}
