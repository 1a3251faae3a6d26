import type { PromptVersion } from "@/lib/generated/prisma/client";
import { parseStoredContent } from "@/lib/prompts/parse-stored-content";
import type { PromptContent } from "@/lib/templates/prompt-content";

export type VersionSummary = {
  number: number;
  message: string;
  author: string;
  createdAt: string;
  linesAdded: number;
  linesRemoved: number;
};
export type VersionView = VersionSummary & { content: PromptContent };

export function toVersionSummary(v: PromptVersion & { author: { name: string; email: string } }): VersionSummary {
  return {
    number: v.number,
    message: v.message,
    author: v.author.name || v.author.email,
    createdAt: v.createdAt.toISOString(),
    linesAdded: v.linesAdded,
    linesRemoved: v.linesRemoved,
  };
}

/** A version row's content columns as typed content (template and messages are null when unused). */
export function contentOf(
  v: Pick<PromptVersion, "promptId" | "number" | "template" | "messages" | "contract" | "modelConfig">,
): PromptContent {
  const stored = {
    ...(v.template !== null ? { template: v.template } : {}),
    ...(v.messages !== null ? { messages: v.messages } : {}),
    contract: v.contract,
    modelConfig: v.modelConfig,
  };
  return parseStoredContent({ stored, row: `version ${v.number} of prompt ${v.promptId}` });
}

export function toVersionView(v: PromptVersion & { author: { name: string; email: string } }): VersionView {
  return { ...toVersionSummary(v), content: contentOf(v) };
}
