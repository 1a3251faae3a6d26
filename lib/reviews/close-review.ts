import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { actorCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertLive, getReviewOrThrow } from "@/lib/reviews/get-review-or-throw";
import { refreshReviewStatus } from "@/lib/reviews/refresh-review-status";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/** Closes a review without promoting it, or reopens a closed one. The author or a reviewer may. */
export async function closeReview(opts: ReviewActor & { number: number; reopen: boolean; body: string }) {
  const { project, actor } = opts;
  const review = await getReviewOrThrow({ projectId: project.id, number: opts.number });
  if (review.authorId !== actor.id && !actorCan(actor, "review.promote"))
    throw new AppError({
      code: "forbidden",
      message: "Only the author of the review or a reviewer can close or reopen it.",
    });
  if (opts.reopen) {
    if (review.status !== "CLOSED")
      throw new AppError({ code: "conflict", message: `Review #${review.number} is not closed.` });
  } else assertLive(review);

  return db.$transaction(async (tx) => {
    const changed = await tx.review.updateMany({
      where: { id: review.id, status: review.status },
      data: opts.reopen ? { status: "OPEN", closedAt: null } : { status: "CLOSED", closedAt: new Date() },
    });
    if (changed.count === 0)
      throw new AppError({ code: "conflict", message: `Review #${review.number} changed meanwhile; reload it.` });
    await tx.reviewEvent.create({
      data: {
        reviewId: review.id,
        actorId: actor.id,
        actorName: actor.name,
        kind: opts.reopen ? "reopened" : "closed",
        version: review.version,
        body: opts.body,
      },
    });
    const status = opts.reopen ? await refreshReviewStatus({ tx, reviewId: review.id }) : "CLOSED";
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: project.id,
      action: opts.reopen ? "review.reopen" : "review.close",
      target: { type: "review", id: review.id },
      after: { number: review.number, ...(opts.body ? { comment: opts.body } : {}) },
    });
    return { status };
  });
}
