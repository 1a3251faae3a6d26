import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseArms, type Arm } from "@/lib/releases/arms";
import { sameArms } from "@/lib/releases/same-arms";

export type RunningPrompt = {
  promptId: string;
  promptName: string;
  version: number;
  deployedBy: string;
  deployedAt: string;
  kind: string;
  fromVersion: number | null;
  reason: string;
  reviewNumber: number | null;
  /** The split it ran (`version` is its base arm), when a release's split ran; null: `version` alone. */
  arms: Arm[] | null;
  releaseId: string | null;
};

/** Options for {@link environmentAt}. */
export type EnvironmentAtOptions = {
  projectId: string;
  environmentSlug: string;
  /** The moment, to the millisecond; now when omitted. */
  at?: Date;
  /**
   * "As it was right after this deployment": the moment of that deployment, counting it and the
   * ones before it but not a later one recorded in the same millisecond. Takes precedence over `at`.
   */
  throughDeploymentId?: string;
};

/**
 * What an environment ran at a moment: for each prompt, its latest deployment at or before `at`
 * (now when omitted). Answered from the deployments table alone, so it also covers prompts that
 * were deleted or renamed since (under the name they had then).
 */
export async function environmentAt(opts: EnvironmentAtOptions): Promise<RunningPrompt[]> {
  const env = await db.environment.findUnique({
    where: { projectId_slug: { projectId: opts.projectId, slug: opts.environmentSlug } },
  });
  if (!env)
    throw new AppError({ code: "not_found", message: `No environment "${opts.environmentSlug}" in this project.` });
  const through = opts.throughDeploymentId
    ? await db.deployment.findFirst({
        where: { id: opts.throughDeploymentId, projectId: opts.projectId, environmentId: env.id },
        select: { id: true, createdAt: true },
      })
    : null;
  if (opts.throughDeploymentId && !through)
    throw new AppError({ code: "not_found", message: `No such deployment to ${env.name}.` });
  const at = through?.createdAt ?? opts.at ?? new Date();
  // Same order as the timeline (createdAt, then id), so "right after" a deployment excludes a later one in the same millisecond.
  const lastId = through?.id ?? null;
  const rows = await db.$queryRaw<
    Array<{
      promptId: string;
      promptName: string;
      toVersion: number;
      fromVersion: number | null;
      actorName: string;
      createdAt: Date;
      kind: string;
      reason: string;
      reviewNumber: number | null;
      arms: unknown;
      releaseId: string | null;
    }>
  >`
    SELECT DISTINCT ON ("promptId") "promptId", "promptName", "toVersion", "fromVersion", "actorName", "createdAt", "kind", "reason", "reviewNumber", "arms", "releaseId"
    FROM "Deployment"
    WHERE "environmentId" = ${env.id} AND ("createdAt" < ${at} OR ("createdAt" = ${at} AND (${lastId}::text IS NULL OR "id" <= ${lastId})))
    ORDER BY "promptId", "createdAt" DESC, "id" DESC`;
  return rows
    .map((r) => ({
      promptId: r.promptId,
      promptName: r.promptName,
      version: r.toVersion,
      deployedBy: r.actorName,
      deployedAt: r.createdAt.toISOString(),
      kind: r.kind,
      fromVersion: r.fromVersion,
      reason: r.reason,
      reviewNumber: r.reviewNumber,
      // A deployment's arms are the split the environment ran right after it (null when it ended one).
      arms: r.arms == null ? null : parseArms(r.arms),
      releaseId: r.arms == null ? null : r.releaseId,
    }))
    .sort((a, b) => a.promptName.localeCompare(b.promptName));
}

export type EnvironmentChange = {
  promptName: string;
  from: number | null;
  to: number | null;
  /** The splits before and after, when one ran ("v6 90 % · v7 10 %" vs v7: describePointer). */
  fromArms: Arm[] | null;
  toArms: Arm[] | null;
  by: string | null;
  at: string | null;
  reviewNumber: number | null;
};

/**
 * Which prompts changed in an environment between two moments, from which version (or split) to
 * which. A split that ramped counts as a change even though its base version stayed.
 */
export async function diffEnvironment(opts: {
  projectId: string;
  environmentSlug: string;
  from: Date;
  to: Date;
}): Promise<EnvironmentChange[]> {
  const [before, after] = await Promise.all([
    environmentAt({ ...opts, at: opts.from }),
    environmentAt({ ...opts, at: opts.to }),
  ]);
  const old = new Map(before.map((r) => [r.promptId, r]));
  const changes: EnvironmentChange[] = [];
  for (const r of after) {
    const was = old.get(r.promptId);
    if (!was || was.version !== r.version || !sameArms(was.arms, r.arms))
      changes.push({
        promptName: r.promptName,
        from: was?.version ?? null,
        to: r.version,
        fromArms: was?.arms ?? null,
        toArms: r.arms,
        by: r.deployedBy,
        at: r.deployedAt,
        reviewNumber: r.reviewNumber,
      });
    old.delete(r.promptId);
  }
  for (const r of old.values())
    changes.push({
      promptName: r.promptName,
      from: r.version,
      to: null,
      fromArms: r.arms,
      toArms: null,
      by: null,
      at: null,
      reviewNumber: null,
    });
  return changes.sort((a, b) => a.promptName.localeCompare(b.promptName));
}
