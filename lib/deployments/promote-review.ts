import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { actorCan } from "@/lib/auth/permissions";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { movePointer } from "@/lib/deployments/move-pointer";
import { AppError } from "@/lib/errors";
import { createNotifications } from "@/lib/notifications/create-notifications";
import { deliverNotificationEmails } from "@/lib/notifications/deliver-notification-emails";
import { assertPromptWritable } from "@/lib/prompts/assert-prompt-writable";
import { describeArms } from "@/lib/releases/arms";
import { sameArms } from "@/lib/releases/same-arms";
import { getReviewApprovalState, storedArms } from "@/lib/reviews/get-review-approval-state";
import { assertLive, getReviewOrThrow, LIVE_STATUSES, reviewHref } from "@/lib/reviews/get-review-or-throw";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/**
 * Promotes an approved review: the environment moves to the reviewed version, or to the reviewed
 * split (starting a release, or ramping the one it runs), recorded as a deployment that names the
 * review. Approvals must be for this version and split and for what the environment runs at this
 * moment (version and split); if it moved since, the reviewers approve again against the new base.
 */
export async function promoteReview(
  opts: ReviewActor & {
    number: number;
    /** ADMIN/OWNER only: promote past the environment's evaluation gate, with this reason. */
    gateOverrideReason?: string;
  },
) {
  const { project, actor } = opts;
  const review = await getReviewOrThrow({ projectId: project.id, number: opts.number });
  assertLive(review);
  assertPromptWritable({ prompt: review.prompt });
  if (review.authorId !== actor.id && !actorCan(actor, "review.promote"))
    throw new AppError({ code: "forbidden", message: "Only the author of the review or a reviewer can promote it." });

  const arms = storedArms(review.arms);
  const what = arms
    ? `${review.prompt.name} v${review.version} (${describeArms(arms)})`
    : `${review.prompt.name} v${review.version}`;
  const { deployment, notifications } = await servingTransaction(project.id, async (tx) => {
    const state = await getReviewApprovalState({ tx, review });
    if (state.status !== "APPROVED") {
      if (state.changesRequested.length)
        throw new AppError({
          code: "conflict",
          message: `${state.changesRequested.map((d) => d.actorName).join(" and ")} asked for changes; push a new version or ask them to approve.`,
        });
      const baseMoved = state.stale.some(
        (d) =>
          d.version === review.version &&
          (d.baseVersion !== state.currentBase || !sameArms(d.baseArms, state.currentBaseArms)),
      );
      if (baseMoved) {
        throw new AppError({
          code: "conflict",
          message: `${review.environment.name} changed since the approval: it now runs ${state.currentBaseArms ? describeArms(state.currentBaseArms) : state.currentBase ? `version ${state.currentBase}` : "no version"}. The reviewers need to approve again against it.`,
          details: { currentVersion: state.currentBase, currentArms: state.currentBaseArms },
        });
      }
      throw new AppError({
        code: "conflict",
        message: `Review #${review.number} needs ${state.required} approval${state.required === 1 ? "" : "s"} of ${arms ? `the split ${describeArms(arms)}` : `version ${review.version}`}; it has ${state.approvals.length}.`,
      });
    }
    const closed = await tx.review.updateMany({
      where: { id: review.id, status: { in: [...LIVE_STATUSES] } },
      data: { status: "PROMOTED", closedAt: new Date() },
    });
    if (closed.count === 0)
      throw new AppError({ code: "conflict", message: `Review #${review.number} was promoted or closed meanwhile.` });
    const common = {
      tx,
      ctx: opts.ctx,
      projectId: project.id,
      environment: review.environment,
      prompt: review.prompt,
      actor,
      expectedVersion: state.currentBase,
      expectedArms: state.currentBaseArms,
      reason: review.title,
      kind: "review" as const,
      review: { id: review.id, number: review.number },
      gateOverrideReason: opts.gateOverrideReason,
    };
    const deployment = arms
      ? await movePointer({ ...common, arms })
      : await movePointer({ ...common, version: review.version });
    await tx.reviewEvent.create({
      data: {
        reviewId: review.id,
        actorId: actor.id,
        actorName: actor.name,
        kind: "promoted",
        version: review.version,
        baseVersion: state.currentBase,
        ...(arms ? { arms } : {}),
        ...(state.currentBaseArms ? { baseArms: state.currentBaseArms } : {}),
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: project.id,
      action: "review.promote",
      target: { type: "review", id: review.id },
      after: {
        number: review.number,
        version: review.version,
        ...(arms ? { arms } : {}),
        environment: review.environment.slug,
        approvedBy: state.approvals.map((d) => d.actorName),
      },
    });
    const notifications = await createNotifications({
      tx,
      projectId: project.id,
      recipientIds: [review.authorId, ...review.reviewers.map((r) => r.userId)],
      actor,
      kind: "promoted",
      title: `${actor.name} promoted ${what} to ${review.environment.name} (review #${review.number})`,
      href: reviewHref(project.slug, review.number),
    });
    return { deployment, notifications };
  });
  void deliverNotificationEmails(notifications);
  return deployment;
}
