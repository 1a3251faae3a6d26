import type { Tx } from "@/lib/db";
import { createNotifications, type CreatedNotification } from "@/lib/notifications/create-notifications";

/**
 * Tells the people behind the version that was rolled back – whoever put it in the environment, its
 * author, and the review that promoted it (author and reviewers) – that it no longer runs there.
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
}): Promise<CreatedNotification[]> {
  if (opts.fromVersion === null) return [];
  const { tx } = opts;
  const [deployed, version] = await Promise.all([
    tx.deployment.findFirst({
      where: { environmentId: opts.environment.id, promptId: opts.prompt.id, toVersion: opts.fromVersion },
      orderBy: { createdAt: "desc" },
    }),
    tx.promptVersion.findUnique({
      where: { promptId_number: { promptId: opts.prompt.id, number: opts.fromVersion } },
      select: { authorId: true },
    }),
  ]);
  const recipients = new Set<string>();
  if (deployed) recipients.add(deployed.actorId);
  if (version) recipients.add(version.authorId);
  if (deployed?.reviewId) {
    const review = await tx.review.findUnique({
      where: { id: deployed.reviewId },
      select: { authorId: true, reviewers: { select: { userId: true } } },
    });
    if (review) [review.authorId, ...review.reviewers.map((r) => r.userId)].forEach((id) => recipients.add(id));
  }
  return createNotifications({
    tx,
    projectId: opts.projectId,
    recipientIds: recipients,
    actor: opts.actor,
    kind: "rolled-back",
    title: `${opts.actor.name} rolled ${opts.prompt.name} back to v${opts.toVersion} in ${opts.environment.name}`,
    body: opts.reason ? `Reason: ${opts.reason}` : `v${opts.fromVersion} no longer runs there.`,
    href: `/p/${opts.projectSlug}/prompts/${opts.prompt.name}?view=deployments&env=${opts.environment.slug}`,
  });
}
