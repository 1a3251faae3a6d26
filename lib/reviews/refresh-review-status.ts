import type { Tx } from "@/lib/db";
import { getReviewApprovalState } from "@/lib/reviews/get-review-approval-state";
import { LIVE_STATUSES } from "@/lib/reviews/get-review-or-throw";

const live = LIVE_STATUSES;

/** Recomputes a review's stored status (for lists and filters) after a decision, a push or a deployment. */
export async function refreshReviewStatus(opts: { tx: Tx; reviewId: string }) {
  const review = await opts.tx.review.findUniqueOrThrow({ where: { id: opts.reviewId } });
  if (!(live as readonly string[]).includes(review.status)) return review.status;
  const { status } = await getReviewApprovalState({ tx: opts.tx, review });
  if (status !== review.status) await opts.tx.review.update({ where: { id: review.id }, data: { status } });
  return status;
}

/** After an environment's pointer moved: its open reviews of that prompt now compare against a new base. */
export async function refreshOpenReviews(opts: { tx: Tx; environmentId: string; promptId: string }) {
  const open = await opts.tx.review.findMany({
    where: { environmentId: opts.environmentId, promptId: opts.promptId, status: { in: [...live] } },
    select: { id: true },
  });
  for (const r of open) await refreshReviewStatus({ tx: opts.tx, reviewId: r.id });
}
