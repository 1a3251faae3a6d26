import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { getDatasetOrThrow } from "@/lib/datasets/get-dataset-or-throw";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";

/**
 * Deletes a dataset with its versions and rows, unless an eval run or an environment gate uses it:
 * their results and verdicts would lose their meaning. The 409 names each user, so people know
 * what to delete or change first (archiving hides a dataset without that).
 */
export async function deleteDataset(opts: {
  ctx: RequestContext;
  projectId: string;
  datasetId: string;
}): Promise<{ ok: true }> {
  await db.$transaction(async (tx) => {
    const dataset = await getDatasetOrThrow({ tx, projectId: opts.projectId, datasetId: opts.datasetId });
    // Locks out a run or gate being created on it while this runs (their writers read the dataset too).
    await tx.$executeRaw`SELECT 1 FROM "Dataset" WHERE id = ${dataset.id} FOR UPDATE`;
    const [runs, gates] = await Promise.all([
      tx.evalRun.findMany({
        where: { datasetId: dataset.id },
        select: { number: true },
        orderBy: { number: "asc" },
        take: 21,
      }),
      tx.environmentGate.findMany({ where: { datasetId: dataset.id }, select: { environmentId: true } }),
    ]);
    if (runs.length > 0 || gates.length > 0) {
      const environments = await tx.environment.findMany({
        where: { id: { in: gates.map((g) => g.environmentId) } },
        select: { name: true },
        orderBy: { position: "asc" },
      });
      const used = [
        ...(runs.length > 0
          ? [
              `eval run${runs.length > 1 ? "s" : ""} ${runs
                .slice(0, 20)
                .map((r) => `#${r.number}`)
                .join(", ")}${runs.length > 20 ? " and more" : ""}`,
            ]
          : []),
        ...environments.map((e) => `the ${e.name} gate`),
      ];
      throw new AppError({
        code: "conflict",
        message: `${dataset.name} is used by ${used.join(" and ")}. Delete those runs or change the gate first, or archive the dataset instead.`,
        details: { evalRuns: runs.map((r) => r.number), gates: environments.map((e) => e.name) },
      });
    }
    await tx.dataset.delete({ where: { id: dataset.id } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "dataset.delete",
      target: { type: "dataset", id: dataset.id },
      before: { name: dataset.name, latestVersion: dataset.latestVersion },
    });
  });
  return { ok: true };
}
