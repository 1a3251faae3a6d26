import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A dataset of a project by id (tenant scoping in the where clause: another project's id is "not
 * found"). `forWrite`: the caller is about to add a version, which an archived dataset refuses (409).
 */
export async function getDatasetOrThrow(opts: { projectId: string; datasetId: string; tx?: Tx; forWrite?: boolean }) {
  const dataset = await (opts.tx ?? db).dataset.findFirst({ where: { id: opts.datasetId, projectId: opts.projectId } });
  if (!dataset) throw new AppError({ code: "not_found", message: "No such dataset in this project." });
  if (opts.forWrite && dataset.archivedAt)
    throw new AppError({
      code: "conflict",
      message: `${dataset.name} is archived and read-only. Restore it to add versions.`,
    });
  return dataset;
}
