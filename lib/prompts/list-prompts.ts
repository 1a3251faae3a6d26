import { db } from "@/lib/db";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/lib/db/keyset-page";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListPromptsQuery } from "@/lib/validations/prompt";

export type PromptRow = {
  id: string;
  name: string;
  type: "TEXT" | "CHAT";
  description: string;
  tags: string[];
  latestVersion: number;
  updatedAt: string;
  changedBy: string | null;
  archived: boolean;
};

/**
 * Prompts of a project, last changed first, keyset-paginated (stable and fast however many there
 * are). `q` matches the name, the description or the text of the latest version.
 */
export async function listPrompts(opts: {
  projectId: string;
  query: ListPromptsQuery;
}): Promise<{ prompts: PromptRow[]; nextCursor: string | null }> {
  const { query } = opts;
  const cursor = query.cursor ? decodeKeysetCursor({ cursor: query.cursor, name: "cursor" }) : null;
  const q = query.q?.trim();
  const and: Prisma.PromptWhereInput[] = [];
  if (q) {
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { description: { contains: q, mode: "insensitive" } },
        { latestText: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  if (cursor) and.push({ OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] });
  const rows = await db.prompt.findMany({
    where: {
      projectId: opts.projectId,
      archivedAt: query.archived === "true" ? { not: null } : null,
      ...(query.folder ? { name: { startsWith: `${query.folder.replace(/\/$/, "")}/` } } : {}),
      ...(query.tag ? { tags: { has: query.tag } } : {}),
      ...(query.env ? { pointers: { some: { environment: { slug: query.env } } } } : {}),
      AND: and,
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { versions: { orderBy: { number: "desc" }, take: 1, select: { author: { select: { name: true } } } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    prompts: page.map((p) => ({
      id: p.id,
      name: p.name,
      type: p.type,
      description: p.description,
      tags: p.tags,
      latestVersion: p.latestVersion,
      updatedAt: p.updatedAt.toISOString(),
      changedBy: p.versions[0]?.author.name ?? null,
      archived: p.archivedAt !== null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeKeysetCursor({ at: last.updatedAt, id: last.id }) : null,
  };
}
