import { db } from "@/lib/db";

/** Names of the project's live prompts, for reference completion in the editor. */
export async function listPromptNames(opts: { projectId: string }): Promise<string[]> {
  const rows = await db.prompt.findMany({
    where: { projectId: opts.projectId, archivedAt: null },
    select: { name: true },
    orderBy: { name: "asc" },
    take: 5000,
  });
  return rows.map((r) => r.name);
}
