import type { z } from "zod";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { assertDatasetNameFree } from "@/lib/datasets/assert-dataset-name-free";
import { toDatasetView, type DatasetView } from "@/lib/datasets/dataset-view";
import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import type { updateDatasetSchema } from "@/lib/validations/dataset";

/** Renames, describes, archives or restores a dataset: only the fields named change. */
export async function updateDataset(opts: {
  ctx: RequestContext;
  projectId: string;
  datasetId: string;
  changes: z.infer<typeof updateDatasetSchema>;
}): Promise<DatasetView> {
  const { changes } = opts;
  return db.$transaction(async (tx) => {
    const before = await getDatasetOrThrow({ tx, projectId: opts.projectId, datasetId: opts.datasetId });
    if (changes.name !== undefined && changes.name !== before.name)
      await assertDatasetNameFree({ tx, projectId: opts.projectId, name: changes.name, exceptId: before.id });
    const after = await tx.dataset.update({
      where: { id: before.id },
      data: {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.archived !== undefined
          ? { archivedAt: changes.archived ? (before.archivedAt ?? new Date()) : null }
          : {}),
      },
      include: { versions: { orderBy: { number: "desc" }, take: 1, select: { rowCount: true } } },
    });
    const archiving = changes.archived !== undefined && changes.archived !== (before.archivedAt !== null);
    const view = (d: typeof before) => ({ name: d.name, description: d.description, archived: d.archivedAt !== null });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: archiving ? (changes.archived ? "dataset.archive" : "dataset.restore") : "dataset.update",
      target: { type: "dataset", id: before.id },
      before: view(before),
      after: view(after),
    });
    return toDatasetView(after, after.versions[0]?.rowCount ?? 0);
  });
}
