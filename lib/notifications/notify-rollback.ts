import type { Tx } from "@/lib/db";
import { createNotifications, type CreatedNotification } from "@/lib/notifications/create-notifications";
import { describeArms, type Arm } from "@/lib/releases/arms";

/**
 * Tells the people behind what was rolled back that it no longer runs there: whoever put it in the
 * environment, its author, and the review that promoted it (author and reviewers). For a split that
 * was aborted (or rolled back in an emergency), that is everyone who took a step of its release, the
 * authors of its arms that stop running, and the reviews behind those steps.
 */
export async function notifyRollback(opts: {
  tx: Tx;
  projectId: string;
  projectSlug: string;
  environment: { id: string; name: string; slug: string };
  prompt: { id: string; name: string };
  actor: { id: string; name: string };
  fromVersion: number | null;
  toVersion: number;
  reason: string;
  /** The split that ran before, when one did: its release and arms. */
  fromRelease?: { id: string; arms: Arm[] } | null;
}): Promise<CreatedNotification[]> {
  if (opts.fromVersion === null) return [];
  const { tx } = opts;
  const withdrawn = opts.fromRelease
    ? opts.fromRelease.arms.map((arm) => arm.version).filter((v) => v !== opts.toVersion)
    : [opts.fromVersion];
  const [deployments, versions] = await Promise.all([
    opts.fromRelease
      ? tx.deployment.findMany({ where: { releaseId: opts.fromRelease.id }, select: { actorId: true, reviewId: true } })
      : tx.deployment
          .findFirst({
            where: { environmentId: opts.environment.id, promptId: opts.prompt.id, toVersion: opts.fromVersion },
            orderBy: { createdAt: "desc" },
            select: { actorId: true, reviewId: true },
          })
          .then((d) => (d ? [d] : [])),
    tx.promptVersion.findMany({
      where: { promptId: opts.prompt.id, number: { in: withdrawn } },
      select: { authorId: true },
    }),
  ]);
  const recipients = new Set<string>();
  for (const d of deployments) recipients.add(d.actorId);
  for (const v of versions) recipients.add(v.authorId);
  const reviewIds = [...new Set(deployments.flatMap((d) => (d.reviewId ? [d.reviewId] : [])))];
  if (reviewIds.length) {
    const reviews = await tx.review.findMany({
      where: { id: { in: reviewIds } },
      select: { authorId: true, reviewers: { select: { userId: true } } },
    });
    for (const review of reviews)
      [review.authorId, ...review.reviewers.map((r) => r.userId)].forEach((id) => recipients.add(id));
  }
  const what = opts.fromRelease
    ? `${opts.actor.name} aborted the split of ${opts.prompt.name} in ${opts.environment.name} (${describeArms(opts.fromRelease.arms)}): back to v${opts.toVersion}`
    : `${opts.actor.name} rolled ${opts.prompt.name} back to v${opts.toVersion} in ${opts.environment.name}`;
  return createNotifications({
    tx,
    projectId: opts.projectId,
    recipientIds: recipients,
    actor: opts.actor,
    kind: "rolled-back",
    title: what,
    body: opts.reason
      ? `Reason: ${opts.reason}`
      : `${withdrawn.map((v) => `v${v}`).join(" and ")} no longer run${withdrawn.length === 1 ? "s" : ""} there.`,
    href: `/p/${opts.projectSlug}/prompts/${opts.prompt.name}?view=deployments&env=${opts.environment.slug}`,
  });
}

/**
 * After a pointer move: notifies (notifyRollback) when the move took versions out of the
 * environment (a rollback, an emergency rollback, an aborted split), nothing otherwise. The one
 * call deploys and release steps make, so each kind of move notifies the same way on every path.
 */
export function notifyIfWithdrawn(
  opts: Omit<Parameters<typeof notifyRollback>[0], "fromVersion" | "toVersion" | "fromRelease"> & {
    deployment: {
      kind: string;
      fromVersion: number | null;
      toVersion: number;
      releaseId: string | null;
      fromArms: Arm[] | null;
    };
  },
): Promise<CreatedNotification[]> {
  const { deployment, ...rest } = opts;
  if (!WITHDRAWING.has(deployment.kind)) return Promise.resolve([]);
  return notifyRollback({
    ...rest,
    fromVersion: deployment.fromVersion,
    toVersion: deployment.toVersion,
    fromRelease:
      deployment.releaseId && deployment.fromArms ? { id: deployment.releaseId, arms: deployment.fromArms } : null,
  });
}

const WITHDRAWING = new Set(["rollback", "emergency-rollback", "release-abort"]);
