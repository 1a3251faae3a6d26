import { isIdle, PRESENCE_STALE_AFTER_MS } from "@/lib/collab/presence/presence-timing";
import { db } from "@/lib/db";

/** One person on a live document, once however many tabs or instances they are connected through. */
export type PresenceEntry = { userId: string; name: string; idle: boolean };

/** Who is on each live document of a project, by document name ("prompt:<id>", "review:<id>"). */
export type ProjectPresence = { documents: Record<string, PresenceEntry[]> };

// A bound on rows read: far above any real team (one row per person, document and instance),
// low enough that a flood of rows cannot make the prompt list slow.
const MAX_ROWS = 5_000;

/**
 * Who is on the live documents of a project now: presence rows the server refreshed within the last
 * 75 seconds (rows of a stopped instance are ignored), one entry per person and document, idle when
 * their latest input on any connection is over two minutes old. Active people first, then by name.
 */
export async function listPresence(opts: { projectId: string; now?: Date }): Promise<ProjectPresence> {
  const now = (opts.now ?? new Date()).getTime();
  const rows = await db.collabPresence.findMany({
    where: { projectId: opts.projectId, seenAt: { gte: new Date(now - PRESENCE_STALE_AFTER_MS) } },
    select: { documentName: true, userId: true, activeAt: true, user: { select: { name: true } } },
    orderBy: [{ documentName: "asc" }, { userId: "asc" }],
    take: MAX_ROWS,
  });
  const latest = new Map<string, Map<string, { name: string; activeAt: number }>>();
  for (const row of rows) {
    const people = latest.get(row.documentName) ?? new Map<string, { name: string; activeAt: number }>();
    latest.set(row.documentName, people);
    const activeAt = row.activeAt.getTime();
    const seen = people.get(row.userId);
    if (!seen || seen.activeAt < activeAt) people.set(row.userId, { name: row.user.name, activeAt });
  }
  const documents: Record<string, PresenceEntry[]> = {};
  for (const [documentName, people] of latest) {
    documents[documentName] = [...people]
      .map(([userId, p]) => ({ userId, name: p.name, idle: isIdle(p.activeAt, now) }))
      .sort((a, b) => Number(a.idle) - Number(b.idle) || a.name.localeCompare(b.name));
  }
  return { documents };
}
