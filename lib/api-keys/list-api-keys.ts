import { db } from "@/lib/db";
import { keysetPage, olderThan } from "@/lib/db/keyset-page";

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  expired: boolean;
};

const PAGE = 50;

/** A project's keys, newest first, 50 at a time (`before` = the id of the last one seen). Never the secret or its hash. */
export async function listApiKeys(opts: {
  projectId: string;
  before?: string;
}): Promise<{ keys: ApiKeyView[]; nextBefore: string | null }> {
  const cursor = opts.before
    ? await db.apiKey.findFirst({
        where: { id: opts.before, projectId: opts.projectId },
        select: { id: true, createdAt: true },
      })
    : null;
  const rows = await db.apiKey.findMany({
    where: { projectId: opts.projectId, ...olderThan(cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    omit: { hash: true },
  });
  const { page, nextBefore } = keysetPage(rows, PAGE);
  return {
    keys: page.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      scopes: k.scopes,
      createdBy: k.createdByName,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      expiresAt: k.expiresAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
      expired: k.expiresAt !== null && k.expiresAt.getTime() <= Date.now(),
    })),
    nextBefore,
  };
}
