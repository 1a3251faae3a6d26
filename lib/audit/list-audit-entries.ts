import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditQuery } from "@/lib/validations/project";

export type AuditEntryView = {
  id: string;
  action: string;
  actorEmail: string | null;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
};

/** Newest first, keyset-paginated on the id (`cursor` = last id seen). */
export async function listAuditEntries(opts: { projectId: string; query: AuditQuery }): Promise<{ entries: AuditEntryView[]; nextCursor: string | null }> {
  const { query } = opts;
  const where: Prisma.AuditEntryWhereInput = {
    projectId: opts.projectId,
    ...(query.action ? { action: { startsWith: query.action } } : {}),
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
  return {
    entries: page.map((r) => ({
      id: r.id.toString(),
      action: r.action,
      actorEmail: r.actorEmail,
      targetType: r.targetType,
      targetId: r.targetId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
