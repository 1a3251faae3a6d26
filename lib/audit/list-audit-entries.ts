import { auditActionsIn, isAuditGroup } from "@/lib/audit/audit-actions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditQuery } from "@/lib/validations/project";

export type AuditEntryView = {
  id: string;
  /** A catalogue action, or for rows written before the catalogue knew it, the stored string. */
  action: string;
  actorEmail: string | null;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
};

// Fields of an entry's before/after that hold user ids (entries keep ids: names and emails change).
const userIdFields = ["reviewers"];

function userIdsIn(change: unknown): string[] {
  if (!change || typeof change !== "object") return [];
  return userIdFields.flatMap((field) => {
    const value = (change as Record<string, unknown>)[field];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  });
}

async function namePeople(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u.name ? `${u.name} <${u.email}>` : u.email]));
}

/** The entry as people read it: user ids replaced by "Name <email>" (an id stays if the user is gone). */
function withPeopleNamed(change: unknown, people: Map<string, string>): unknown {
  if (!change || typeof change !== "object" || Array.isArray(change)) return change;
  const named = { ...(change as Record<string, unknown>) };
  for (const field of userIdFields) {
    const value = named[field];
    if (Array.isArray(value)) named[field] = value.map((v) => (typeof v === "string" ? (people.get(v) ?? v) : v));
  }
  return named;
}

/** Newest first, keyset-paginated on the id (`cursor` = last id seen). */
export async function listAuditEntries(opts: {
  projectId: string;
  query: AuditQuery;
}): Promise<{ entries: AuditEntryView[]; nextCursor: string | null }> {
  const { query } = opts;
  const where: Prisma.AuditEntryWhereInput = {
    projectId: opts.projectId,
    ...(query.action
      ? { action: isAuditGroup(query.action) ? { in: auditActionsIn(query.action) } : query.action }
      : {}),
    ...(query.actor ? { actorEmail: { contains: query.actor.toLowerCase() } } : {}),
    ...(query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: new Date(`${query.from}T00:00:00.000Z`) } : {}),
            ...(query.to ? { lt: new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
    ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}),
  };
  const rows = await db.auditEntry.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const people = await namePeople(page.flatMap((r) => [...userIdsIn(r.before), ...userIdsIn(r.after)]));
  return {
    entries: page.map((r) => ({
      id: r.id.toString(),
      action: r.action,
      actorEmail: r.actorEmail,
      targetType: r.targetType,
      targetId: r.targetId,
      before: withPeopleNamed(r.before, people),
      after: withPeopleNamed(r.after, people),
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
