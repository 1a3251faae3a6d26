import "server-only";

import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** An environment's evaluation gate as people read it: names beside ids, rates as shares (0–1). */
export type GateView = {
  environment: { id: string; slug: string; name: string };
  /** null when the dataset it named was deleted: the gate then blocks until an admin changes it. */
  dataset: { id: string; name: string; latestVersion: number } | null;
  /** The gate's evaluators; one that was deleted since shows with a null name. */
  evaluators: Array<{ id: string; name: string | null }>;
  minPassRate: number;
  maxRegression: number | null;
  updatedAt: string;
};

/**
 * An environment's gate (null: none), by the environment's slug; 404 for an environment the
 * project does not have, so a gate can never be read or written across projects.
 */
export async function getGate(opts: { projectId: string; environmentSlug: string; tx?: Tx }) {
  const client = opts.tx ?? db;
  const environment = await client.environment.findUnique({
    where: { projectId_slug: { projectId: opts.projectId, slug: opts.environmentSlug } },
    select: { id: true, slug: true, name: true },
  });
  if (!environment)
    throw new AppError({ code: "not_found", message: `No environment "${opts.environmentSlug}" in this project.` });
  const gate = await client.environmentGate.findFirst({
    where: { environmentId: environment.id, projectId: opts.projectId },
  });
  if (!gate) return { environment, gate: null };
  // One query after another: inside a transaction they share one connection.
  const dataset = await client.dataset.findFirst({
    where: { id: gate.datasetId, projectId: opts.projectId },
    select: { id: true, name: true, latestVersion: true },
  });
  const evaluators = await client.evaluator.findMany({
    where: { id: { in: gate.evaluatorIds }, projectId: opts.projectId },
    select: { id: true, name: true },
  });
  const view: GateView = {
    environment,
    dataset,
    evaluators: gate.evaluatorIds.map((id) => ({ id, name: evaluators.find((e) => e.id === id)?.name ?? null })),
    minPassRate: gate.minPassRate,
    maxRegression: gate.maxRegression,
    updatedAt: gate.updatedAt.toISOString(),
  };
  return { environment, gate: view };
}
