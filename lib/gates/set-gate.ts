import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { getGate } from "@/lib/gates/get-gate";
import type { RequestContext } from "@/lib/request-context";
import type { SetGateInput } from "@/lib/validations/gate";

/**
 * Sets (or replaces) an environment's evaluation gate. The dataset and evaluators must be this
 * project's and in use: a gate over an archived dataset, or one with no rows yet, could never pass.
 */
export async function setGate(opts: {
  ctx: RequestContext;
  projectId: string;
  environmentSlug: string;
  input: SetGateInput;
}) {
  const { input } = opts;
  return db.$transaction(async (tx) => {
    const { environment, gate: before } = await getGate({
      tx,
      projectId: opts.projectId,
      environmentSlug: opts.environmentSlug,
    });
    const dataset = await tx.dataset.findFirst({
      where: { id: input.datasetId, projectId: opts.projectId, archivedAt: null },
      select: { id: true, latestVersion: true, name: true },
    });
    if (!dataset) throw validationError([{ path: "datasetId", message: "Choose a dataset of this project." }]);
    if (dataset.latestVersion < 1)
      throw validationError([
        { path: "datasetId", message: `${dataset.name} has no rows yet: add rows before gating on it.` },
      ]);
    const evaluators = await tx.evaluator.findMany({
      where: { id: { in: input.evaluatorIds }, projectId: opts.projectId, archivedAt: null },
      select: { id: true },
    });
    const unknown = input.evaluatorIds.filter((id) => !evaluators.some((e) => e.id === id));
    if (unknown.length)
      throw validationError([
        { path: "evaluatorIds", message: `Choose evaluators of this project (unknown: ${unknown.join(", ")}).` },
      ]);
    const data = {
      projectId: opts.projectId,
      datasetId: dataset.id,
      evaluatorIds: input.evaluatorIds,
      minPassRate: input.minPassRate,
      maxRegression: input.maxRegression,
    };
    await tx.environmentGate.upsert({
      where: { environmentId: environment.id },
      create: { environmentId: environment.id, ...data },
      update: data,
    });
    // "minimumRate", not "minPassRate": audit entries mask keys that look like passwords.
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "environment.gate-set",
      target: { type: "environment", id: environment.id },
      before: before
        ? {
            environment: environment.slug,
            datasetId: before.dataset?.id ?? null,
            evaluatorIds: before.evaluators.map((e) => e.id),
            minimumRate: before.minPassRate,
            maxRegression: before.maxRegression,
          }
        : null,
      after: {
        environment: environment.slug,
        datasetId: dataset.id,
        evaluatorIds: input.evaluatorIds,
        minimumRate: input.minPassRate,
        maxRegression: input.maxRegression,
      },
    });
    return (await getGate({ tx, projectId: opts.projectId, environmentSlug: opts.environmentSlug })).gate!;
  });
}
