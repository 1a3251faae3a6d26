import type { Tx } from "@/lib/db";

export type NotificationKind =
  "review-requested" | "changes-requested" | "approved" | "promoted" | "mentioned" | "rolled-back" | "commented";

export type CreatedNotification = {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  href: string;
  actorName: string;
};

/**
 * Puts one notification in each recipient's inbox, in the transaction of what it reports. The actor
 * is never told about their own action, and each person gets one entry however often they are named.
 */
export async function createNotifications(opts: {
  tx: Tx;
  projectId: string;
  recipientIds: Iterable<string>;
  actor: { id: string; name: string };
  kind: NotificationKind;
  title: string;
  body?: string;
  href: string;
}): Promise<CreatedNotification[]> {
  const recipients = [...new Set(opts.recipientIds)].filter((id) => id !== opts.actor.id);
  if (!recipients.length) return [];
  return opts.tx.notification.createManyAndReturn({
    data: recipients.map((userId) => ({
      userId,
      projectId: opts.projectId,
      kind: opts.kind,
      title: opts.title,
      body: opts.body ?? "",
      href: opts.href,
      actorName: opts.actor.name,
    })),
    select: { id: true, userId: true, kind: true, title: true, body: true, href: true, actorName: true },
  });
}
