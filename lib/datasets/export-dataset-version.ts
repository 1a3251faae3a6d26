import { formatDatasetCsv, formatDatasetJsonl } from "@/lib/datasets/format-dataset-file";
import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { getDatasetVersionOrThrow } from "@/lib/datasets/get-dataset-version-or-throw";
import { db } from "@/lib/db";

/** A version's rows as a CSV or JSONL file, with a file name that says which dataset and version. */
export async function exportDatasetVersion(opts: {
  projectId: string;
  datasetId: string;
  version: number;
  format: "csv" | "jsonl";
}): Promise<{ body: string; filename: string; contentType: string }> {
  const dataset = await getDatasetOrThrow(opts);
  const version = await getDatasetVersionOrThrow({ dataset, number: opts.version });
  const items = await db.datasetVersionRow.findMany({
    where: { versionId: version.id },
    orderBy: { position: "asc" },
    select: { row: { select: { values: true, expected: true, metadata: true } } },
  });
  const rows = items.map((i) => ({
    values: i.row.values as Record<string, unknown>,
    expected: i.row.expected,
    metadata: i.row.metadata as Record<string, unknown> | null,
  }));
  const base = `${dataset.name.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "dataset"}-v${version.number}`;
  return opts.format === "csv"
    ? { body: formatDatasetCsv(rows), filename: `${base}.csv`, contentType: "text/csv; charset=utf-8" }
    : { body: formatDatasetJsonl(rows), filename: `${base}.jsonl`, contentType: "application/jsonl; charset=utf-8" };
}
