import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { deliverNotificationEmails } from "@/lib/notifications/deliver-notification-emails";
import { promptText } from "@/lib/prompts/prompt-text";
import { contentOf } from "@/lib/prompts/version-view";
import { getReviewOrThrow } from "@/lib/reviews/get-review-or-throw";
import { notifyMentionedMembers } from "@/lib/reviews/notify-mentioned-members";
import type { ReviewActor } from "@/lib/reviews/review-actor";

/**
 * Adds a comment: on the review, on one line of the version under review (anchored to that
 * version's line), or as a reply in a thread. Members it @mentions are notified.
 */
export async function commentOnReview(
  opts: ReviewActor & { number: number; body: string; threadId?: string; line?: number },
) {
  const { project, actor } = opts;
  const review = await getReviewOrThrow({ projectId: project.id, number: opts.number });
  let anchor: { version: number; line: number } | null = null;
  if (opts.threadId) {
    const root = await db.reviewComment.findFirst({
      where: { id: opts.threadId, reviewId: review.id, threadId: null },
    });
    if (!root) throw new AppError({ code: "not_found", message: "That thread is not part of this review." });
  } else if (opts.line !== undefined) {
    const version = await db.promptVersion.findUniqueOrThrow({
      where: { promptId_number: { promptId: review.promptId, number: review.version } },
    });
    const lines = promptText(contentOf(version)).split("\n").length;
    if (opts.line > lines)
      throw validationError([
        {
          path: "line",
          message: `Version ${review.version} has ${lines} line${lines === 1 ? "" : "s"}; choose a line from 1 to ${lines}.`,
        },
      ]);
    anchor = { version: review.version, line: opts.line };
  }

  const { comment, mentioned, notifications } = await db.$transaction(async (tx) => {
    const comment = await tx.reviewComment.create({
      data: {
        reviewId: review.id,
        authorId: actor.id,
        authorName: actor.name,
        threadId: opts.threadId ?? null,
        body: opts.body,
        version: anchor?.version ?? null,
        line: anchor?.line ?? null,
      },
    });
    await tx.review.update({ where: { id: review.id }, data: { updatedAt: new Date() } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: project.id,
      action: "review.comment",
      target: { type: "review", id: review.id },
      after: {
        number: review.number,
        commentId: comment.id,
        ...(anchor ?? {}),
        ...(opts.threadId ? { threadId: opts.threadId } : {}),
      },
    });
    const { mentioned, notifications } = await notifyMentionedMembers({
      tx,
      project,
      review: { number: review.number, promptName: review.prompt.name },
      actor,
      text: opts.body,
      commentId: comment.id,
    });
    return { comment, mentioned, notifications };
  });
  void deliverNotificationEmails(notifications);
  return { id: comment.id, mentioned: mentioned.map((m) => m.name) };
}
