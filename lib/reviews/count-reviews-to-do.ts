import { db } from "@/lib/db";
import { LIVE_STATUSES } from "@/lib/reviews/get-review-or-throw";

/** How many open reviews name this person as a reviewer. */
export function countReviewsToDo(opts: { projectId: string; userId: string }): Promise<number> {
  return db.review.count({
    where: {
      projectId: opts.projectId,
      reviewers: { some: { userId: opts.userId } },
      status: { in: [...LIVE_STATUSES] },
    },
  });
}
