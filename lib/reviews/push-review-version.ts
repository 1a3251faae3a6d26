import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { createNotifications } from "@/lib/notifications/create-notifications";
import { deliverNotificationEmails } from "@/lib/notifications/deliver-notification-emails";
import { assertPromptWritable } from "@/lib/prompts/assert-prompt-writable";
import { storedArms } from "@/lib/reviews/get-review-approval-state";
import { assertLive, getReviewOrThrow, reviewHref } from "@/lib/reviews/get-review-or-throw";
import { refreshReviewStatus } from "@/lib/reviews/refresh-review-status";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/**
 * The author puts a newer version up for review. Approvals of the earlier version become stale
 * (approvalState counts only decisions on the version under review) and the reviewers are asked again.
 * In a review of a split, the newer version takes the reviewed version's place and weight.
 */
export async function pushReviewVersion(opts: ReviewActor & { number: number; version: number }) {
  const { project, actor } = opts;
  const review = await getReviewOrThrow({ projectId: project.id, number: opts.number });
  assertLive(review);
  assertPromptWritable({ prompt: review.prompt });
  if (review.authorId !== actor.id)
    throw new AppError({ code: "forbidden", message: "Only the author of a review can put a new version up for it." });
  if (opts.version <= review.version)
    throw validationError([
      {
        path: "version",
        message: `Review #${review.number} is already at version ${review.version}; choose a newer one.`,
      },
    ]);
  const exists = await db.promptVersion.findUnique({
    where: { promptId_number: { promptId: review.promptId, number: opts.version } },
    select: { number: true },
  });
  if (!exists)
    throw validationError([{ path: "version", message: `${review.prompt.name} has no version ${opts.version}.` }]);

  const before = storedArms(review.arms);
  if (before?.some((arm) => arm.version === opts.version))
    throw validationError([
      { path: "version", message: `v${opts.version} is already in the split under review; choose another version.` },
    ]);
  const arms = before?.map((arm) => (arm.version === review.version ? { ...arm, version: opts.version } : arm)) ?? null;

  const { status, notifications } = await db.$transaction(async (tx) => {
    const pointer = await tx.environmentPrompt.findUnique({
      where: { environmentId_promptId: { environmentId: review.environmentId, promptId: review.promptId } },
      include: { release: { select: { arms: true } } },
    });
    const baseArms = pointer?.release?.arms ?? null;
    const moved = await tx.review.updateMany({
      where: { id: review.id, version: review.version, status: review.status },
      data: { version: opts.version, ...(arms ? { arms } : {}) },
    });
    if (moved.count === 0)
      throw new AppError({ code: "conflict", message: `Review #${review.number} changed meanwhile; reload it.` });
    await tx.reviewEvent.create({
      data: {
        reviewId: review.id,
        actorId: actor.id,
        actorName: actor.name,
        kind: "pushed",
        version: opts.version,
        baseVersion: pointer?.version ?? null,
        ...(arms ? { arms } : {}),
        ...(baseArms ? { baseArms } : {}),
      },
    });
    const status = await refreshReviewStatus({ tx, reviewId: review.id });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: project.id,
      action: "review.push",
      target: { type: "review", id: review.id },
      before: { version: review.version, ...(before ? { arms: before } : {}) },
      after: { number: review.number, version: opts.version, ...(arms ? { arms } : {}) },
    });
    const notifications = await createNotifications({
      tx,
      projectId: project.id,
      recipientIds: review.reviewers.map((r) => r.userId),
      actor,
      kind: "review-requested",
      title: `${actor.name} updated review #${review.number} to ${review.prompt.name} v${opts.version}; please look again`,
      href: reviewHref(project.slug, review.number),
    });
    return { status, notifications };
  });
  void deliverNotificationEmails(notifications);
  return { version: opts.version, status };
}
