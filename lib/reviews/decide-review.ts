import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { createNotifications } from "@/lib/notifications/create-notifications";
import { deliverNotificationEmails } from "@/lib/notifications/deliver-notification-emails";
import { assertLive, getReviewOrThrow, reviewHref } from "@/lib/reviews/get-review-or-throw";
import { refreshReviewStatus } from "@/lib/reviews/refresh-review-status";
import type { ReviewActor } from "@/lib/reviews/review-actor";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

/**
 * A reviewer approves, or asks for changes (with a comment). The decision is recorded against the
 * version under review and what the environment runs now; the author's own approval never counts,
 * so the author cannot give one.
 *
 * Anyone whose role may approve can decide, asked or not, as on GitHub: the people asked are who
 * gets notified, not a gate (a protected environment's gate is its number of approvals). Someone
 * not asked who decides joins the review's reviewers, so the review shows who approved it and it
 * lands in their "To review" list.
 */
export async function decideReview(
  opts: ReviewActor & { number: number; decision: "approve" | "request-changes"; body: string },
) {
  const { project, actor } = opts;
  const review = await getReviewOrThrow({ projectId: project.id, number: opts.number });
  assertLive(review);
  if (review.authorId === actor.id)
    throw new AppError({
      code: "forbidden",
      message: "You opened this review, so your approval does not count. Ask one of its reviewers.",
    });
  const version = await db.promptVersion.findUniqueOrThrow({
    where: { promptId_number: { promptId: review.promptId, number: review.version } },
    select: { authorId: true },
  });
  if (opts.decision === "approve" && version.authorId === actor.id)
    throw new AppError({
      code: "forbidden",
      message: `You wrote version ${review.version}, so your approval does not count. Ask another reviewer.`,
    });
  if (opts.decision === "request-changes" && !opts.body.trim())
    throw validationError([{ path: "body", message: "Say what should change: requesting changes needs a comment." }]);
  const kind = opts.decision === "approve" ? "approved" : "changes-requested";

  const { status, notifications } = await db.$transaction(async (tx) => {
    const pointer = await tx.environmentPrompt.findUnique({
      where: { environmentId_promptId: { environmentId: review.environmentId, promptId: review.promptId } },
      include: { release: { select: { arms: true } } },
    });
    // The decision is on the split asked for, against the split the environment runs now (approvalState).
    const baseArms = pointer?.release?.arms ?? null;
    await tx.reviewEvent.create({
      data: {
        reviewId: review.id,
        actorId: actor.id,
        actorName: actor.name,
        kind,
        version: review.version,
        baseVersion: pointer?.version ?? null,
        ...(review.arms ? { arms: review.arms } : {}),
        ...(baseArms ? { baseArms } : {}),
        body: opts.body,
      },
    });
    if (!review.reviewers.some((r) => r.userId === actor.id))
      await tx.reviewReviewer.createMany({ data: [{ reviewId: review.id, userId: actor.id }], skipDuplicates: true });
    await tx.review.update({ where: { id: review.id }, data: { updatedAt: new Date() } });
    const status = await refreshReviewStatus({ tx, reviewId: review.id });
    if (kind === "approved")
      await enqueueWebhookEvent({
        tx,
        projectId: project.id,
        event: "review.approved",
        data: {
          review: review.number,
          prompt: review.prompt.name,
          version: review.version,
          ...(review.arms ? { arms: review.arms } : {}),
          environment: review.environment.slug,
          approver: actor.name,
          status,
        },
      });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: project.id,
      action: `review.${opts.decision}`,
      target: { type: "review", id: review.id },
      after: {
        number: review.number,
        version: review.version,
        baseVersion: pointer?.version ?? null,
        ...(review.arms ? { arms: review.arms } : {}),
        ...(baseArms ? { baseArms } : {}),
        ...(opts.body ? { comment: opts.body } : {}),
      },
    });
    const notifications = await createNotifications({
      tx,
      projectId: project.id,
      recipientIds: [review.authorId],
      actor,
      kind,
      title:
        opts.decision === "approve"
          ? `${actor.name} approved review #${review.number} (${review.prompt.name} v${review.version})`
          : `${actor.name} asked for changes on review #${review.number} (${review.prompt.name})`,
      body: opts.body,
      href: reviewHref(project.slug, review.number),
    });
    return { status, notifications };
  });
  void deliverNotificationEmails(notifications);
  return { status };
}
