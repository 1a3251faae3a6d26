// Browser-safe helpers over prompt content: one text form for diffs and line counts, the
// placeholders of a chat prompt, and the contract that follows from the content.
import { diffLines } from "diff";

import { detectVariables, reconcileContract, type Contract, type VariableSpec } from "@/lib/templates/contract";
import { parseTemplate, type TemplateProblem } from "@/lib/templates/parse-template";
import type { ChatMessage, PromptContent } from "@/lib/validations/prompt";

export type PromptKind = "TEXT" | "CHAT";

/** Text prompts: the template. Chat prompts: each message under a "### role" heading. */
export function promptText(content: Pick<PromptContent, "template" | "messages">): string {
  if (content.messages) {
    return content.messages
      .map((m) => (m.role === "placeholder" ? `### placeholder: ${m.name}` : `### ${m.role}\n${m.content}`))
      .join("\n\n");
  }
  return content.template ?? "";
}

export function lineChanges(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) added += part.count ?? 0;
    else if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

/** Every template of the content with where it lives ("template" or "messages.3"). */
export function templatesOf(
  content: Pick<PromptContent, "template" | "messages">,
): Array<{ path: string; source: string }> {
  if (content.messages) {
    return content.messages.flatMap((m: ChatMessage, i) =>
      m.role === "placeholder" ? [] : [{ path: `messages.${i}.content`, source: m.content }],
    );
  }
  return [{ path: "template", source: content.template ?? "" }];
}

/**
 * The contract implied by the content, keeping what the author declared for variables still used.
 * Placeholders start optional: a conversation is often empty on its first turn.
 */
export function contractFor(content: Pick<PromptContent, "template" | "messages" | "contract">): Contract {
  const detected = templatesOf(content).flatMap((t) =>
    detectVariables(parseTemplate(t.source).nodes, content.contract),
  );
  const placeholders: VariableSpec[] = (content.messages ?? []).flatMap((m) =>
    m.role === "placeholder" ? [{ name: m.name, type: "messages" as const, required: false }] : [],
  );
  return reconcileContract({ detected, previous: content.contract, extra: placeholders });
}

/** Syntax problems of every template in the content, each with where it is. */
export function templateProblems(
  content: Pick<PromptContent, "template" | "messages">,
): Array<{ path: string; problem: TemplateProblem }> {
  return templatesOf(content).flatMap((t) =>
    parseTemplate(t.source).problems.map((problem) => ({ path: t.path, problem })),
  );
}
