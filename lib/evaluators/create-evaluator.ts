import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { assertEvaluatorNameFree } from "@/lib/evaluators/assert-evaluator-name-free";
import { toEvaluatorView, type EvaluatorView } from "@/lib/evaluators/evaluator-view";
import { sealEvaluatorConfig } from "@/lib/evaluators/seal-evaluator-config";
import type { RequestContext } from "@/lib/request-context";
import type { CreateEvaluatorInput } from "@/lib/validations/evaluator";

/**
 * Saves an evaluator for the project's runs. An HTTP evaluator's signing secret is returned this
 * once (`secret`); afterwards only its hint is shown.
 */
export async function createEvaluator(opts: {
  ctx: RequestContext;
  projectId: string;
  creatorId: string;
  input: CreateEvaluatorInput;
}): Promise<EvaluatorView & { secret?: string }> {
  const { input } = opts;
  const sealed = sealEvaluatorConfig({ kind: input.kind, config: input.config });
  const evaluator = await db.$transaction(async (tx) => {
    await assertEvaluatorNameFree({ tx, projectId: opts.projectId, name: input.name });
    const created = await tx.evaluator.create({
      data: {
        projectId: opts.projectId,
        name: input.name,
        kind: input.kind,
        config: sealed.config,
        negate: input.negate,
        weight: input.weight,
        createdById: opts.creatorId,
      },
    });
    const view = toEvaluatorView(created);
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "evaluator.create",
      target: { type: "evaluator", id: created.id },
      after: { name: view.name, kind: view.kind, config: view.config, negate: view.negate, weight: view.weight },
    });
    return view;
  });
  return sealed.secret ? { ...evaluator, secret: sealed.secret } : evaluator;
}
