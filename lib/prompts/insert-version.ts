import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lineChanges, promptText } from "@/lib/prompts/prompt-text";
import type { PromptContent } from "@/lib/validations/prompt";

/**
 * Writes version `number` of a prompt inside the caller's transaction (the caller has checked the
 * content and claimed the number), with line counts against `parent`, and moves the prompt's
 * latest pointer and search text.
 */
export async function insertVersion(opts: {
  tx: Tx;
  promptId: string;
  number: number;
  content: PromptContent;
  parent: PromptContent | null;
  message: string;
  authorId: string;
  coAuthorIds?: string[];
}) {
  const { content } = opts;
  const stats = lineChanges(opts.parent ? promptText(opts.parent) : "", promptText(content));
  const version = await opts.tx.promptVersion.create({
    data: {
      promptId: opts.promptId,
      number: opts.number,
      template: content.template ?? null,
      messages: (content.messages ?? undefined) as Prisma.InputJsonValue | undefined,
      contract: content.contract as Prisma.InputJsonValue,
      modelConfig: content.modelConfig as Prisma.InputJsonValue,
      message: opts.message,
      authorId: opts.authorId,
      coAuthorIds: opts.coAuthorIds ?? [],
      linesAdded: stats.added,
      linesRemoved: stats.removed,
    },
    include: { author: true },
  });
  await opts.tx.prompt.update({
    where: { id: opts.promptId },
    data: { latestVersion: opts.number, latestText: promptText(content) },
  });
  return version;
}
