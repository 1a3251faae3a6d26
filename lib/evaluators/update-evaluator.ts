import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { assertEvaluatorNameFree } from "@/lib/evaluators/assert-evaluator-name-free";
import { toEvaluatorView, type EvaluatorView } from "@/lib/evaluators/evaluator-view";
import { getEvaluatorOrThrow } from "@/lib/evaluators/get-evaluator-or-throw";
import { sealEvaluatorConfig } from "@/lib/evaluators/seal-evaluator-config";
import type { RequestContext } from "@/lib/request-context";
import type { UpdateEvaluatorInput } from "@/lib/validations/evaluator";

/**
 * Changes only the fields named: name, kind with its config, config alone (checked against the saved
 * kind), negate, weight, archived. Runs already started keep the evaluator as it was (they hold a
 * copy), so a change never alters past results. A kind changed to http gets a new secret, returned once.
 */
export async function updateEvaluator(opts: {
  ctx: RequestContext;
  projectId: string;
  evaluatorId: string;
  changes: UpdateEvaluatorInput;
}): Promise<EvaluatorView & { secret?: string }> {
  const { changes } = opts;
  return db.$transaction(async (tx) => {
    const before = await getEvaluatorOrThrow({ tx, projectId: opts.projectId, evaluatorId: opts.evaluatorId });
    if (changes.name !== undefined && changes.name !== before.name)
      await assertEvaluatorNameFree({ tx, projectId: opts.projectId, name: changes.name, exceptId: before.id });
    const kind = changes.kind ?? before.kind;
    const sealed =
      changes.config !== undefined
        ? sealEvaluatorConfig({ kind, config: changes.config, saved: { kind: before.kind, config: before.config } })
        : null;
    const after = await tx.evaluator.update({
      where: { id: before.id },
      data: {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(sealed ? { config: sealed.config } : {}),
        ...(changes.negate !== undefined ? { negate: changes.negate } : {}),
        ...(changes.weight !== undefined ? { weight: changes.weight } : {}),
        ...(changes.archived !== undefined
          ? { archivedAt: changes.archived ? (before.archivedAt ?? new Date()) : null }
          : {}),
      },
    });
    const archiving = changes.archived !== undefined && changes.archived !== (before.archivedAt !== null);
    const audited = (e: typeof before) => {
      const v = toEvaluatorView(e);
      return { name: v.name, kind: v.kind, config: v.config, negate: v.negate, weight: v.weight, archived: v.archived };
    };
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: archiving ? (changes.archived ? "evaluator.archive" : "evaluator.restore") : "evaluator.update",
      target: { type: "evaluator", id: before.id },
      before: audited(before),
      after: audited(after),
    });
    const view = toEvaluatorView(after);
    return sealed?.secret ? { ...view, secret: sealed.secret } : view;
  });
}
