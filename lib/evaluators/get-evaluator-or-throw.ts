import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** An evaluator of a project by id (tenant scoping in the where clause: another project's id is "not found"). */
export async function getEvaluatorOrThrow(opts: { projectId: string; evaluatorId: string; tx?: Tx }) {
  const evaluator = await (opts.tx ?? db).evaluator.findFirst({
    where: { id: opts.evaluatorId, projectId: opts.projectId },
  });
  if (!evaluator) throw new AppError({ code: "not_found", message: "No such evaluator in this project." });
  return evaluator;
}
