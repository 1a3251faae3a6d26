import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkContent } from "@/lib/prompts/check-content";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import type { PromptContent } from "@/lib/validations/prompt";

/**
 * Autosaves a person's working copy. Drafts may have template errors (work in progress) but must
 * fit the prompt's type and size limits. Not audited: nothing anyone else sees changes.
 */
export async function saveDraft(opts: {
  projectId: string;
  promptId: string;
  userId: string;
  baseVersion: number;
  content: PromptContent;
}) {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId, forWrite: true });
  const content = checkContent({ type: prompt.type, content: opts.content, forVersion: false });
  const draft = await db.promptDraft.upsert({
    where: { promptId_userId: { promptId: prompt.id, userId: opts.userId } },
    create: {
      promptId: prompt.id,
      userId: opts.userId,
      baseVersion: opts.baseVersion,
      content: content as Prisma.InputJsonValue,
    },
    update: { baseVersion: opts.baseVersion, content: content as Prisma.InputJsonValue },
  });
  return { savedAt: draft.updatedAt.toISOString(), contract: content.contract, latestVersion: prompt.latestVersion };
}
