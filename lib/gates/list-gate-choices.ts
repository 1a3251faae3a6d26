import "server-only";

import { db } from "@/lib/db";

/** What a gate may be set to: the project's datasets that have rows, and its evaluators (archived ones left out). */
export async function listGateChoices(opts: { projectId: string }) {
  const [datasets, evaluators] = await Promise.all([
    db.dataset.findMany({
      where: { projectId: opts.projectId, archivedAt: null, latestVersion: { gt: 0 } },
      select: { id: true, name: true, latestVersion: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
    db.evaluator.findMany({
      where: { projectId: opts.projectId, archivedAt: null },
      select: { id: true, name: true, kind: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  return { datasets, evaluators };
}
export type GateChoices = Awaited<ReturnType<typeof listGateChoices>>;
