import type { PromptVersion } from "@/lib/generated/prisma/client";
import type { Contract } from "@/lib/templates/contract";
import type { ChatMessage, ModelConfig, PromptContent } from "@/lib/validations/prompt";

export type VersionSummary = { number: number; message: string; author: string; createdAt: string; linesAdded: number; linesRemoved: number };
export type VersionView = VersionSummary & { content: PromptContent };

export function toVersionSummary(v: PromptVersion & { author: { name: string; email: string } }): VersionSummary {
  return { number: v.number, message: v.message, author: v.author.name || v.author.email, createdAt: v.createdAt.toISOString(), linesAdded: v.linesAdded, linesRemoved: v.linesRemoved };
}

export function contentOf(v: Pick<PromptVersion, "template" | "messages" | "contract" | "modelConfig">): PromptContent {
  return {
    ...(v.template !== null ? { template: v.template } : {}),
    ...(v.messages !== null ? { messages: v.messages as ChatMessage[] } : {}),
    contract: v.contract as Contract as PromptContent["contract"],
    modelConfig: v.modelConfig as ModelConfig,
  };
}

export function toVersionView(v: PromptVersion & { author: { name: string; email: string } }): VersionView {
  return { ...toVersionSummary(v), content: contentOf(v) };
}
