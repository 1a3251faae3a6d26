import { db } from "@/lib/db";
import { parseArms, type Arm } from "@/lib/releases/arms";

export type DeploymentView = {
  id: string;
  promptName: string;
  promptId: string;
  fromVersion: number | null;
  toVersion: number;
  actorName: string;
  reason: string;
  kind: string;
  reviewNumber: number | null;
  /** An admin's reason for deploying past the evaluation gate, when one did. */
  gateOverride: string | null;
  /** The release (split) this deployment started, ramped or ended, and the split after and before it (null: whole versions). */
  releaseId: string | null;
  arms: Arm[] | null;
  fromArms: Arm[] | null;
  createdAt: string;
};

/** An environment's deployments, newest first (optionally of one prompt). */
export async function listDeployments(opts: {
  projectId: string;
  environmentId: string;
  promptId?: string;
  limit?: number;
}): Promise<DeploymentView[]> {
  const rows = await db.deployment.findMany({
    where: {
      projectId: opts.projectId,
      environmentId: opts.environmentId,
      ...(opts.promptId ? { promptId: opts.promptId } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit ?? 50,
  });
  return rows.map((r) => ({
    id: r.id,
    promptName: r.promptName,
    promptId: r.promptId,
    fromVersion: r.fromVersion,
    toVersion: r.toVersion,
    actorName: r.actorName,
    reason: r.reason,
    kind: r.kind,
    reviewNumber: r.reviewNumber,
    gateOverride: r.gateOverride,
    releaseId: r.releaseId,
    arms: r.arms == null ? null : parseArms(r.arms),
    fromArms: r.fromArms == null ? null : parseArms(r.fromArms),
    createdAt: r.createdAt.toISOString(),
  }));
}
