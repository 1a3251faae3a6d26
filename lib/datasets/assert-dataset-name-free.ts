import type { Tx } from "@/lib/db";
import { validationError } from "@/lib/errors";

/**
 * Refuses a name another dataset of the project has, case-insensitively ("Refunds" and "refunds"
 * would be told apart by nobody in a picker), as a 422 on the name field the form shows.
 */
export async function assertDatasetNameFree(opts: {
  tx: Tx;
  projectId: string;
  name: string;
  exceptId?: string;
}): Promise<void> {
  const taken = await opts.tx.dataset.findFirst({
    where: {
      projectId: opts.projectId,
      name: { equals: opts.name, mode: "insensitive" },
      ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken)
    throw validationError([
      { path: "name", message: `A dataset named “${opts.name}” already exists in this project.` },
    ]);
}
