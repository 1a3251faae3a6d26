import { db } from "@/lib/db";

/** Marks some of a person's notifications (or all of them) read, or unread again. */
export async function markNotificationsRead(opts: { userId: string; ids?: string[]; all?: boolean; read?: boolean }) {
  const read = opts.read ?? true;
  const { count } = await db.notification.updateMany({
    where: {
      userId: opts.userId,
      ...(opts.all ? {} : { id: { in: opts.ids ?? [] } }),
      ...(read ? { readAt: null } : { readAt: { not: null } }),
    },
    data: { readAt: read ? new Date() : null },
  });
  return { updated: count };
}
