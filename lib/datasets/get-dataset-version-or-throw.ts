import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A version of a dataset by number, or a 404 that says which versions exist. */
export async function getDatasetVersionOrThrow(opts: {
  dataset: { id: string; name: string; latestVersion: number };
  number: number;
}) {
  const version = await db.datasetVersion.findUnique({
    where: { datasetId_number: { datasetId: opts.dataset.id, number: opts.number } },
  });
  if (!version)
    throw new AppError({
      code: "not_found",
      message:
        opts.dataset.latestVersion === 0
          ? `${opts.dataset.name} has no versions yet.`
          : `${opts.dataset.name} has no version ${opts.number} (latest is ${opts.dataset.latestVersion}).`,
    });
  return version;
}
