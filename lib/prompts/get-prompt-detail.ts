import { db } from "@/lib/db";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { parseStoredContent } from "@/lib/prompts/parse-stored-content";
import { contentOf, toVersionSummary, type VersionSummary } from "@/lib/prompts/version-view";
import type { PromptContent } from "@/lib/templates/prompt-content";

export type PromptDetail = {
  id: string;
  name: string;
  type: "TEXT" | "CHAT";
  description: string;
  tags: string[];
  archived: boolean;
  latestVersion: VersionSummary | null;
  /** What the editor opens: the person's draft if they have one, else the latest version (or an empty start). */
  working: { baseVersion: number; content: PromptContent; fromDraft: boolean; savedAt: string | null };
};

const emptyContent = (type: "TEXT" | "CHAT"): PromptContent =>
  type === "TEXT"
    ? { template: "", contract: { variables: [] }, modelConfig: {} }
    : {
        messages: [
          { role: "system", content: "" },
          { role: "user", content: "" },
        ],
        contract: { variables: [] },
        modelConfig: {},
      };

export async function getPromptDetail(opts: {
  projectId: string;
  promptId: string;
  userId: string;
}): Promise<PromptDetail> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  const [latest, draft] = await Promise.all([
    prompt.latestVersion
      ? db.promptVersion.findUnique({
          where: { promptId_number: { promptId: prompt.id, number: prompt.latestVersion } },
          include: { author: true },
        })
      : null,
    db.promptDraft.findUnique({ where: { promptId_userId: { promptId: prompt.id, userId: opts.userId } } }),
  ]);
  return {
    id: prompt.id,
    name: prompt.name,
    type: prompt.type,
    description: prompt.description,
    tags: prompt.tags,
    archived: prompt.archivedAt !== null,
    latestVersion: latest ? toVersionSummary(latest) : null,
    working: draft
      ? {
          baseVersion: draft.baseVersion,
          content: parseStoredContent({ stored: draft.content, row: `the draft of prompt ${prompt.id}` }),
          fromDraft: true,
          savedAt: draft.updatedAt.toISOString(),
        }
      : {
          baseVersion: prompt.latestVersion,
          content: latest ? contentOf(latest) : emptyContent(prompt.type),
          fromDraft: false,
          savedAt: null,
        },
  };
}
