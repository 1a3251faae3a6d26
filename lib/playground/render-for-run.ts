import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { db } from "@/lib/db";
import { validationError } from "@/lib/errors";
import { parseTemplate } from "@/lib/templates/parse-template";
import { checkValues, type Contract } from "@/lib/templates/contract";
import { collectReferences, TemplateError } from "@/lib/templates/render-template";
import { renderPrompt } from "@/lib/templates/render-prompt";
import { templatesOf } from "@/lib/prompts/prompt-text";
import type { PromptContent } from "@/lib/validations/prompt";

const key = (name: string, version: number | null) => (version === null ? name : `${name}@${version}`);

/** Loads every prompt the content references, directly or through other references (latest, or the pinned version). */
async function loadReferences(projectId: string, content: PromptContent): Promise<Map<string, string>> {
  const loaded = new Map<string, string>();
  let pending = templatesOf(content).flatMap((t) => collectReferences(parseTemplate(t.source).nodes));
  for (let depth = 0; depth < 12 && pending.length; depth++) {
    const next: typeof pending = [];
    for (const ref of pending) {
      const k = key(ref.prompt, ref.version);
      if (loaded.has(k)) continue;
      const prompt = await db.prompt.findUnique({ where: { projectId_name: { projectId, name: ref.prompt } } });
      const number = ref.version ?? prompt?.latestVersion ?? 0;
      const version = prompt && number ? await db.promptVersion.findUnique({ where: { promptId_number: { promptId: prompt.id, number } } }) : null;
      if (!version || version.template === null) continue; // reported as unknown by the renderer
      loaded.set(k, version.template);
      next.push(...collectReferences(parseTemplate(version.template).nodes));
    }
    pending = next;
  }
  return loaded;
}

/**
 * The messages to send: the content rendered with the values (checked against the contract first,
 * every problem named), references resolved at their latest (or pinned) version, placeholders
 * replaced by the message lists given for them. A text prompt becomes one user message.
 */
export async function renderForRun(opts: { projectId: string; promptName: string; content: PromptContent; values: Record<string, unknown> }): Promise<ChatCompletionMessageParam[]> {
  const contract = opts.content.contract as Contract;
  const checked = checkValues({ contract, values: opts.values });
  if (checked.problems.length) throw validationError(checked.problems.map((p) => ({ path: `values.${p.variable}`, message: p.message })));
  const references = await loadReferences(opts.projectId, opts.content);
  const resolveReference = (name: string, version: number | null) => {
    const template = references.get(key(name, version));
    return template === undefined ? null : { template };
  };
  try {
    return renderPrompt({ content: { ...opts.content, contract }, values: opts.values, resolveReference, promptName: opts.promptName }).messages as ChatCompletionMessageParam[];
  } catch (error) {
    if (error instanceof TemplateError) throw validationError(error.issues.map((i) => ({ path: i.variable ? `values.${i.variable}` : "template", message: i.message })));
    throw error;
  }
}
