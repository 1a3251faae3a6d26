import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGate } from "@/lib/gates/get-gate";
import type { RequestContext } from "@/lib/request-context";

/** Removes an environment's evaluation gate; 404 when it has none, so a second click says so. */
export async function removeGate(opts: { ctx: RequestContext; projectId: string; environmentSlug: string }) {
  await db.$transaction(async (tx) => {
    const { environment, gate } = await getGate({
      tx,
      projectId: opts.projectId,
      environmentSlug: opts.environmentSlug,
    });
    if (!gate) throw new AppError({ code: "not_found", message: `${environment.name} has no evaluation gate.` });
    await tx.environmentGate.delete({ where: { environmentId: environment.id } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "environment.gate-remove",
      target: { type: "environment", id: environment.id },
      before: {
        environment: environment.slug,
        datasetId: gate.dataset?.id ?? null,
        evaluatorIds: gate.evaluators.map((e) => e.id),
        minimumRate: gate.minPassRate,
        maxRegression: gate.maxRegression,
      },
    });
  });
  return { ok: true };
}
