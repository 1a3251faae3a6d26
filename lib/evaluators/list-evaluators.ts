import { db } from "@/lib/db";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/db/keyset-page";
import { toEvaluatorView, type EvaluatorView } from "@/lib/evaluators/evaluator-view";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A project's evaluators, last changed first, in keyset pages of `limit` (stable under inserts).
 * Archived evaluators are listed only when asked for; runs and gates offer the others.
 */
export async function listEvaluators(opts: {
  projectId: string;
  cursor?: string;
  archived?: boolean;
  q?: string;
  limit?: number;
}): Promise<{ evaluators: EvaluatorView[]; nextCursor: string | null }> {
  const limit = opts.limit ?? 50;
  const cursor = opts.cursor ? decodeKeysetCursor({ cursor: opts.cursor, name: "cursor" }) : null;
  const and: Prisma.EvaluatorWhereInput[] = [];
  if (opts.q) and.push({ name: { contains: opts.q, mode: "insensitive" } });
  if (cursor) and.push({ OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] });
  const rows = await db.evaluator.findMany({
    where: { projectId: opts.projectId, archivedAt: opts.archived ? { not: null } : null, AND: and },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    evaluators: page.map(toEvaluatorView),
    nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.updatedAt, id: last.id }) : null,
  };
}
