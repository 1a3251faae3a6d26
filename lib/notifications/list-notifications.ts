import { db } from "@/lib/db";
import { keysetPage, olderThan } from "@/lib/db/keyset-page";

export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string;
  actorName: string;
  read: boolean;
  createdAt: string;
  project: string;
};

const PAGE = 30;

/** A person's inbox, newest first, 30 at a time (`before` = the id of the last one seen), with the unread count. */
export async function listNotifications(opts: {
  userId: string;
  before?: string;
  unreadOnly?: boolean;
}): Promise<{ notifications: NotificationView[]; unread: number; nextBefore: string | null }> {
  const cursor = opts.before
    ? await db.notification.findFirst({
        where: { id: opts.before, userId: opts.userId },
        select: { id: true, createdAt: true },
      })
    : null;
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: {
        userId: opts.userId,
        ...(opts.unreadOnly ? { readAt: null } : {}),
        ...olderThan(cursor),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE + 1,
    }),
    countUnread({ userId: opts.userId }),
  ]);
  const { page, nextBefore } = keysetPage(rows, PAGE);
  const projects = await db.project.findMany({
    where: { id: { in: [...new Set(page.map((n) => n.projectId))] } },
    select: { id: true, name: true },
  });
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  return {
    notifications: page.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      href: n.href,
      actorName: n.actorName,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
      project: projectName.get(n.projectId) ?? "",
    })),
    unread,
    nextBefore,
  };
}

export function countUnread(opts: { userId: string }): Promise<number> {
  return db.notification.count({ where: { userId: opts.userId, readAt: null } });
}
