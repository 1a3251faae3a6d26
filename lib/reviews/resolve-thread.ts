import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getReviewOrThrow } from "@/lib/reviews/get-review-or-throw";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/** Marks a thread resolved, or opens it again. Anyone who may comment may do either. */
export async function resolveThread(opts: ReviewActor & { number: number; threadId: string; resolved: boolean }) {
  const review = await getReviewOrThrow({ projectId: opts.project.id, number: opts.number });
  const root = await db.reviewComment.findFirst({ where: { id: opts.threadId, reviewId: review.id, threadId: null } });
  if (!root) throw new AppError({ code: "not_found", message: "That thread is not part of this review." });
  await db.$transaction(async (tx) => {
    await tx.reviewComment.update({
      where: { id: root.id },
      data: opts.resolved
        ? { resolvedAt: new Date(), resolvedById: opts.actor.id }
        : { resolvedAt: null, resolvedById: null },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.project.id,
      action: opts.resolved ? "review.thread-resolve" : "review.thread-unresolve",
      target: { type: "review", id: review.id },
      after: { number: review.number, threadId: root.id },
    });
  });
  return { resolved: opts.resolved };
}
