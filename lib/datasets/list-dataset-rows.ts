import type { DatasetRowView } from "@/lib/datasets/dataset-view";
import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { getDatasetVersionOrThrow } from "@/lib/datasets/get-dataset-version-or-throw";
import { db } from "@/lib/db";

/**
 * One page of a version's rows in order, after position `after` (keyset on the version's primary
 * key, so page 20 of a 50,000-row version costs what page 1 does). `version` defaults to the latest;
 * a dataset with no version yet has no rows.
 */
export async function listDatasetRows(opts: {
  projectId: string;
  datasetId: string;
  version?: number;
  after: number;
  limit: number;
}): Promise<{ version: number; rowCount: number; rows: DatasetRowView[]; nextAfter: number | null }> {
  const dataset = await getDatasetOrThrow(opts);
  const number = opts.version ?? dataset.latestVersion;
  if (number === 0 && opts.version === undefined) return { version: 0, rowCount: 0, rows: [], nextAfter: null };
  const version = await getDatasetVersionOrThrow({ dataset, number });
  const items = await db.datasetVersionRow.findMany({
    where: { versionId: version.id, position: { gt: opts.after } },
    orderBy: { position: "asc" },
    take: opts.limit + 1,
    select: { position: true, row: { select: { id: true, values: true, expected: true, metadata: true } } },
  });
  const page = items.slice(0, opts.limit);
  return {
    version: number,
    rowCount: version.rowCount,
    rows: page.map((i) => ({
      position: i.position,
      id: i.row.id,
      values: i.row.values as Record<string, unknown>,
      expected: i.row.expected,
      metadata: i.row.metadata as Record<string, unknown> | null,
    })),
    nextAfter: items.length > opts.limit ? page[page.length - 1]!.position : null,
  };
}
