import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { getReviewOrThrow } from "@/lib/reviews/get-review-or-throw";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/** The author chooses which playground runs of the prompt to show reviewers as evidence. */
export async function setReviewRuns(opts: ReviewActor & { number: number; runIds: string[] }) {
  const review = await getReviewOrThrow({ projectId: opts.project.id, number: opts.number });
  if (review.authorId !== opts.actor.id)
    throw new AppError({ code: "forbidden", message: "Only the author of a review attaches runs to it." });
  const runIds = [...new Set(opts.runIds)];
  const found = await db.playgroundRun.count({
    where: { id: { in: runIds }, promptId: review.promptId, projectId: opts.project.id },
  });
  if (found !== runIds.length)
    throw validationError([{ path: "runIds", message: `Attach runs of ${review.prompt.name} only.` }]);
  await db.$transaction(async (tx) => {
    await tx.reviewRun.deleteMany({ where: { reviewId: review.id } });
    if (runIds.length) await tx.reviewRun.createMany({ data: runIds.map((runId) => ({ reviewId: review.id, runId })) });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.project.id,
      action: "review.attach-runs",
      target: { type: "review", id: review.id },
      after: { number: review.number, runIds },
    });
  });
  return { runIds };
}
