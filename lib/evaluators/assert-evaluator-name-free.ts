import type { Tx } from "@/lib/db";
import { validationError } from "@/lib/errors";

/**
 * Refuses a name another evaluator of the project has, case-insensitively (runs and the CI API pick
 * evaluators by name), as a 422 on the name field the form shows.
 */
export async function assertEvaluatorNameFree(opts: {
  tx: Tx;
  projectId: string;
  name: string;
  exceptId?: string;
}): Promise<void> {
  const taken = await opts.tx.evaluator.findFirst({
    where: {
      projectId: opts.projectId,
      name: { equals: opts.name, mode: "insensitive" },
      ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (taken)
    throw validationError([
      { path: "name", message: `An evaluator named “${opts.name}” already exists in this project.` },
    ]);
}
