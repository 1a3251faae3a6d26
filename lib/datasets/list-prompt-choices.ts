import { db } from "@/lib/db";

/** The prompts whose variables can type imported values: live ones with at least one version. */
export async function listPromptChoices(opts: { projectId: string }): Promise<{ id: string; name: string }[]> {
  return db.prompt.findMany({
    where: { projectId: opts.projectId, archivedAt: null, latestVersion: { gt: 0 } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 1000,
  });
}
