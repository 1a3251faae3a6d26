import { db, type Tx } from "@/lib/db";
import type { Person } from "@/lib/prompts/version-view";

/** The co-authors of some versions by id, with the name shown for them (their email if they set none). */
export async function findCoAuthors(opts: {
  versions: Array<{ coAuthorIds: string[] }>;
  tx?: Tx;
}): Promise<Map<string, Person>> {
  const ids = [...new Set(opts.versions.flatMap((v) => v.coAuthorIds))];
  if (!ids.length) return new Map();
  const users = await (opts.tx ?? db).user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, { id: u.id, name: u.name || u.email }]));
}
