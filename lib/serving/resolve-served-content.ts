import "server-only";

import { getEnv } from "@/lib/env";
import { loadReferencedTemplates, referenceResolver } from "@/lib/prompts/load-referenced-templates";
import { templatesOf } from "@/lib/prompts/prompt-text";
import { templateProblem } from "@/lib/prompts/template-limit-error";
import type { ServedVersion } from "@/lib/serving/load-served-version";
import { contractWithReferences } from "@/lib/templates/contract-with-references";
import { inlineReferences } from "@/lib/templates/inline-references";
import { WorkBudget } from "@/lib/templates/work-budget";
import type { PromptContent } from "@/lib/validations/prompt";

/**
 * A served version's content with references to other prompts replaced by their text (each at the
 * version `environment` runs, or pinned; the latest when no environment is given), and its contract
 * with the defaults those prompts bring. One work budget (GALLEY_MAX_RESOLVED_BYTES) covers the whole
 * answer: going over it throws template_too_large (422); a reference that cannot be resolved throws a
 * 422 naming it, ending with `hint` (what the caller of this API can do about it).
 */
export async function resolveServedContent(opts: {
  projectId: string;
  served: ServedVersion;
  environment: string | undefined;
  hint: string;
}): Promise<PromptContent> {
  const { served } = opts;
  const templates = await loadReferencedTemplates({
    projectId: opts.projectId,
    content: served.content,
    environment: opts.environment,
  });
  const resolveReference = referenceResolver(templates);
  const budget = new WorkBudget({ maxBytes: getEnv().GALLEY_MAX_RESOLVED_BYTES }, "resolved template");
  const inline = (source: string) =>
    inlineReferences({ template: source, resolveReference, promptName: served.prompt.name, budget });
  try {
    const { template, messages } = served.content;
    return {
      ...served.content,
      ...(template !== undefined && template !== null ? { template: inline(template) } : {}),
      ...(messages
        ? { messages: messages.map((m) => (m.role === "placeholder" ? m : { ...m, content: inline(m.content) })) }
        : {}),
      // The resolved text no longer says where included prompts were: their defaults travel in the contract.
      contract: contractWithReferences({
        contract: served.content.contract,
        templates: templatesOf(served.content).map((t) => t.source),
        resolveReference,
      }),
    };
  } catch (error) {
    throw templateProblem({
      error,
      prompt: `${served.prompt.name} v${served.version}`,
      pathOf: (i) => (i.prompt ? `references.${i.prompt}` : "template"),
      message: `${served.prompt.name} v${served.version} references prompts that cannot be resolved here: ${(error as Error | null)?.message}. ${opts.hint}`,
    });
  }
}
