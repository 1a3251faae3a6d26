import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";

import { getEnv } from "@/lib/env";
import { loadReferencedTemplates, referenceResolver } from "@/lib/prompts/load-referenced-templates";
import { templateProblem } from "@/lib/prompts/template-limit-error";
import { renderPrompt } from "@/lib/templates/render-prompt";
import type { PromptContent } from "@/lib/validations/prompt";

/**
 * The messages to send: the content rendered with the values (checked against the contract, every
 * problem named), references resolved at their latest (or pinned) version, placeholders
 * replaced by the message lists given for them. A text prompt becomes one user message.
 */
export async function renderForRun(opts: {
  projectId: string;
  promptName: string;
  content: PromptContent;
  values: Record<string, unknown>;
}): Promise<ChatCompletionMessageParam[]> {
  const references = await loadReferencedTemplates({ projectId: opts.projectId, content: opts.content });
  try {
    return renderPrompt({
      content: opts.content,
      values: opts.values,
      resolveReference: referenceResolver(references),
      promptName: opts.promptName,
      limits: { maxBytes: getEnv().GALLEY_MAX_RESOLVED_BYTES },
    }).messages as ChatCompletionMessageParam[];
  } catch (error) {
    throw templateProblem({
      error,
      prompt: opts.promptName,
      pathOf: (i) => (i.variable ? `values.${i.variable}` : "template"),
    });
  }
}
