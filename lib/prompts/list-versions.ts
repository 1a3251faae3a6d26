import { db } from "@/lib/db";
import { findCoAuthors } from "@/lib/prompts/find-co-authors";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { toVersionSummary, type VersionSummary } from "@/lib/prompts/version-view";

/** Versions newest first, paginated by number (`before` = the last number seen). */
export async function listVersions(opts: {
  projectId: string;
  promptId: string;
  before?: number;
  limit?: number;
}): Promise<{ versions: VersionSummary[]; nextBefore: number | null }> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  const limit = opts.limit ?? 50;
  const rows = await db.promptVersion.findMany({
    where: { promptId: prompt.id, ...(opts.before ? { number: { lt: opts.before } } : {}) },
    orderBy: { number: "desc" },
    take: limit + 1,
    include: { author: true },
  });
  const page = rows.slice(0, limit);
  const people = await findCoAuthors({ versions: page });
  return {
    versions: page.map((v) => toVersionSummary(v, people)),
    nextBefore: rows.length > limit ? page[page.length - 1]!.number : null,
  };
}
