import "server-only";

import { db } from "@/lib/db";
import { getGate, type GateView } from "@/lib/gates/get-gate";

/** Every environment's gate in a project, by environment slug (Settings → Environments). */
export async function listGates(opts: { projectId: string }): Promise<Record<string, GateView>> {
  const gates = await db.environmentGate.findMany({
    where: { projectId: opts.projectId },
    select: { environmentId: true },
  });
  const environments = await db.environment.findMany({
    where: { projectId: opts.projectId, id: { in: gates.map((g) => g.environmentId) } },
    select: { slug: true },
  });
  const views = await Promise.all(
    environments.map((e) => getGate({ projectId: opts.projectId, environmentSlug: e.slug })),
  );
  return Object.fromEntries(views.flatMap((v) => (v.gate ? [[v.environment.slug, v.gate]] : [])));
}
