import type { Tx } from "@/lib/db";
import { createNotifications, type CreatedNotification } from "@/lib/notifications/create-notifications";
import { findMentions, type Mentionable } from "@/lib/reviews/find-mentions";
import { reviewHref } from "@/lib/reviews/get-review-or-throw";

export type NotifyMentionedMembersOptions = {
  /** The transaction of the text itself, so nobody is told about a comment that was never saved. */
  tx: Tx;
  project: { id: string; slug: string };
  review: { number: number; promptName: string };
  actor: { id: string; name: string };
  /** Markdown written on the review (its description or a comment): `@handle` names a member. */
  text: string;
  /** The comment the text is, so the notification opens at it rather than at the top of the review. */
  commentId?: string;
  /** Members already told about this text another way (a new review's reviewers are asked to review it). */
  except?: readonly string[];
};

/**
 * The one way review texts notify the members they @mention: the review's description when it is
 * opened, and each comment. Returns who was mentioned (the author too, if they named themselves:
 * createNotifications never tells actors about their own action) and the notifications to email
 * once the transaction has committed.
 */
export async function notifyMentionedMembers(
  opts: NotifyMentionedMembersOptions,
): Promise<{ mentioned: Mentionable[]; notifications: CreatedNotification[] }> {
  // No query at all for the many texts that mention nobody.
  if (!opts.text.includes("@")) return { mentioned: [], notifications: [] };
  const members = await opts.tx.membership.findMany({
    where: { projectId: opts.project.id },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  const mentioned = findMentions(
    opts.text,
    members.map((m) => m.user),
  ).filter((m) => !opts.except?.includes(m.id));
  const href = reviewHref(opts.project.slug, opts.review.number);
  const notifications = await createNotifications({
    tx: opts.tx,
    projectId: opts.project.id,
    recipientIds: mentioned.map((m) => m.id),
    actor: opts.actor,
    kind: "mentioned",
    title: `${opts.actor.name} mentioned you on review #${opts.review.number} (${opts.review.promptName})`,
    body: opts.text,
    href: opts.commentId ? `${href}#comment-${opts.commentId}` : href,
  });
  return { mentioned, notifications };
}
