import { toDatasetView, type DatasetView } from "@/lib/datasets/dataset-view";
import { db } from "@/lib/db";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/db/keyset-page";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A project's datasets, last changed first, with their latest version's row count; keyset pages of
 * `limit` (stable under inserts). Archived datasets are listed only when asked for.
 */
export async function listDatasets(opts: {
  projectId: string;
  cursor?: string;
  archived?: boolean;
  q?: string;
  limit?: number;
}): Promise<{ datasets: DatasetView[]; nextCursor: string | null }> {
  const limit = opts.limit ?? 50;
  const cursor = opts.cursor ? decodeKeysetCursor({ cursor: opts.cursor, name: "cursor" }) : null;
  const and: Prisma.DatasetWhereInput[] = [];
  if (opts.q) and.push({ name: { contains: opts.q, mode: "insensitive" } });
  if (cursor) and.push({ OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] });
  const rows = await db.dataset.findMany({
    where: { projectId: opts.projectId, archivedAt: opts.archived ? { not: null } : null, AND: and },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { versions: { orderBy: { number: "desc" }, take: 1, select: { rowCount: true } } },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    datasets: page.map((d) => toDatasetView(d, d.versions[0]?.rowCount ?? 0)),
    nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.updatedAt, id: last.id }) : null,
  };
}
