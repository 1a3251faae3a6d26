import { db } from "@/lib/db";
import { templatesOf } from "@/lib/prompts/prompt-text";
import { contentOf } from "@/lib/prompts/version-view";
import type { Contract } from "@/lib/templates/contract";
import { parseTemplate } from "@/lib/templates/parse-template";
import type { PromptContent } from "@/lib/templates/prompt-content";
import { collectReferences, type ReferenceResolver } from "@/lib/templates/render-template";

const refKey = (name: string, version: number | null) => (version === null ? name : `${name}@${version}`);

/** A referenced prompt's template, with its contract so its own defaults apply where it is included. */
export type ReferencedTemplate = { template: string; contract: Contract };

/**
 * Templates (and contracts) of every prompt the content references, directly or through others: pinned references
 * at their version, the others at the version `environment` runs, or at their latest version when
 * no environment is given (the playground). Missing ones are left out: the renderer reports them by name.
 */
export async function loadReferencedTemplates(opts: {
  projectId: string;
  content: PromptContent;
  environment?: string;
}): Promise<Map<string, ReferencedTemplate>> {
  const loaded = new Map<string, ReferencedTemplate>();
  const env = opts.environment
    ? await db.environment.findUnique({
        where: { projectId_slug: { projectId: opts.projectId, slug: opts.environment } },
        select: { id: true },
      })
    : null;
  const unpinned = async (prompt: { id: string; latestVersion: number }) =>
    opts.environment
      ? env
        ? (
            await db.environmentPrompt.findUnique({
              where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } },
            })
          )?.version
        : undefined
      : prompt.latestVersion;
  let pending = templatesOf(opts.content).flatMap((t) => collectReferences(parseTemplate(t.source).nodes));
  for (let depth = 0; depth < 12 && pending.length; depth++) {
    const next: typeof pending = [];
    for (const ref of pending) {
      const k = refKey(ref.prompt, ref.version);
      if (loaded.has(k)) continue;
      // PGlite answers in-process through promises that resolve at once, so a chain of queries never
      // lets the event loop run: a long reference graph would hold it (and /api/health) for its whole load.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const prompt = await db.prompt.findUnique({
        where: { projectId_name: { projectId: opts.projectId, name: ref.prompt } },
        select: { id: true, latestVersion: true },
      });
      if (!prompt) continue;
      const number = ref.version ?? (await unpinned(prompt));
      const version = number
        ? await db.promptVersion.findUnique({
            where: { promptId_number: { promptId: prompt.id, number } },
            select: { promptId: true, number: true, template: true, messages: true, contract: true, modelConfig: true },
          })
        : null;
      if (!version || version.template === null) continue;
      loaded.set(k, { template: version.template, contract: contentOf(version).contract });
      next.push(...collectReferences(parseTemplate(version.template).nodes));
    }
    pending = next;
  }
  return loaded;
}

/** A renderer's lookup over what loadReferencedTemplates loaded. */
export const referenceResolver =
  (templates: Map<string, ReferencedTemplate>): ReferenceResolver =>
  (name, version) =>
    templates.get(refKey(name, version)) ?? null;
