import { db } from "@/lib/db";

export type FolderCount = { path: string; count: number };

/** Every folder (name prefix before a "/") with how many live prompts it holds, for the tree. */
export async function listFolders(opts: { projectId: string }): Promise<FolderCount[]> {
  const rows = await db.prompt.findMany({
    where: { projectId: opts.projectId, archivedAt: null },
    select: { name: true },
  });
  const counts = new Map<string, number>();
  for (const { name } of rows) {
    const parts = name.split("/").slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join("/");
      counts.set(path, (counts.get(path) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([path, count]) => ({ path, count }));
}
