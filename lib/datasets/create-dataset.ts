import type { z } from "zod";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { assertDatasetNameFree } from "@/lib/datasets/assert-dataset-name-free";
import { toDatasetView, type DatasetView } from "@/lib/datasets/dataset-view";
import { db } from "@/lib/db";
import type { RequestContext } from "@/lib/request-context";
import type { createDatasetSchema } from "@/lib/validations/dataset";

/** A new, empty dataset (version 0 until its first rows are saved). Names are unique per project. */
export async function createDataset(opts: {
  ctx: RequestContext;
  projectId: string;
  creatorId: string;
  input: z.infer<typeof createDatasetSchema>;
}): Promise<DatasetView> {
  return db.$transaction(async (tx) => {
    await assertDatasetNameFree({ tx, projectId: opts.projectId, name: opts.input.name });
    const dataset = await tx.dataset.create({
      data: {
        projectId: opts.projectId,
        name: opts.input.name,
        description: opts.input.description,
        createdById: opts.creatorId,
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "dataset.create",
      target: { type: "dataset", id: dataset.id },
      after: { name: dataset.name, description: dataset.description },
    });
    return toDatasetView(dataset, 0);
  });
}
