import { toDatasetView, type DatasetVersionView, type DatasetView } from "@/lib/datasets/dataset-view";
import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { db } from "@/lib/db";

/** A dataset with its versions, newest first (the version picker; at most the 500 newest). */
export async function getDataset(opts: {
  projectId: string;
  datasetId: string;
}): Promise<DatasetView & { versions: DatasetVersionView[] }> {
  const dataset = await getDatasetOrThrow(opts);
  const versions = await db.datasetVersion.findMany({
    where: { datasetId: dataset.id },
    orderBy: { number: "desc" },
    take: 500,
    select: { number: true, rowCount: true, message: true, createdAt: true },
  });
  return {
    ...toDatasetView(dataset, versions[0]?.rowCount ?? 0),
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}
