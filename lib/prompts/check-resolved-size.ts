import { getEnv } from "@/lib/env";
import { loadReferencedTemplates, referenceResolver } from "@/lib/prompts/load-referenced-templates";
import { templatesOf } from "@/lib/prompts/prompt-text";
import { templateLimitError } from "@/lib/prompts/template-limit-error";
import { inlineReferences } from "@/lib/templates/inline-references";
import { WorkBudget } from "@/lib/templates/work-budget";
import type { PromptContent } from "@/lib/validations/prompt";

/**
 * Refuses content that, with its references replaced (at their latest or pinned versions, as the
 * playground renders them), would outgrow GALLEY_MAX_RESOLVED_BYTES or the work bound: a 422
 * template_too_large naming the reference chain, shown in the editor, instead of a first failure
 * in the apps that fetch it. Serving checks again, since a referenced prompt can grow later.
 */
export async function checkResolvedSize(opts: {
  projectId: string;
  promptName: string;
  content: PromptContent;
}): Promise<void> {
  const references = await loadReferencedTemplates({ projectId: opts.projectId, content: opts.content });
  const resolveReference = referenceResolver(references);
  const budget = new WorkBudget({ maxBytes: getEnv().GALLEY_MAX_RESOLVED_BYTES }, "resolved template");
  for (const t of templatesOf(opts.content)) {
    try {
      inlineReferences({ template: t.source, resolveReference, promptName: opts.promptName, budget });
    } catch (error) {
      const tooLarge = templateLimitError({ error, prompt: opts.promptName, path: `content.${t.path}` });
      if (tooLarge) throw tooLarge;
      // Unknown references and cycles: referenceIssues and the renderer report those in their own words.
    }
  }
}
