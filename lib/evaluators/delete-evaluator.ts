import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getEvaluatorOrThrow } from "@/lib/evaluators/get-evaluator-or-throw";
import type { RequestContext } from "@/lib/request-context";

/**
 * Deletes an evaluator unless an environment gate uses it (the gate would check nothing): the 409
 * names those environments. Eval runs keep their own copy, so their results stay readable.
 */
export async function deleteEvaluator(opts: {
  ctx: RequestContext;
  projectId: string;
  evaluatorId: string;
}): Promise<{ ok: true }> {
  await db.$transaction(async (tx) => {
    const evaluator = await getEvaluatorOrThrow({ tx, projectId: opts.projectId, evaluatorId: opts.evaluatorId });
    const gates = await tx.environmentGate.findMany({
      where: { projectId: opts.projectId, evaluatorIds: { has: evaluator.id } },
      select: { environmentId: true },
    });
    if (gates.length > 0) {
      const environments = await tx.environment.findMany({
        where: { id: { in: gates.map((g) => g.environmentId) } },
        select: { name: true },
        orderBy: { position: "asc" },
      });
      throw new AppError({
        code: "conflict",
        message: `${evaluator.name} is used by ${environments.map((e) => `the ${e.name} gate`).join(", ")}. Remove it from the gate first, or archive it.`,
      });
    }
    await tx.evaluator.delete({ where: { id: evaluator.id } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "evaluator.delete",
      target: { type: "evaluator", id: evaluator.id },
      before: { name: evaluator.name, kind: evaluator.kind },
    });
  });
  return { ok: true };
}
