import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentOf } from "@/lib/prompts/version-view";
import { templatesOf } from "@/lib/prompts/prompt-text";
import { parseTemplate } from "@/lib/templates/parse-template";
import { collectReferences } from "@/lib/templates/render-template";
import type { PromptContent } from "@/lib/validations/prompt";

export const DEFAULT_ENVIRONMENT = "production";

export type ServedVersion = {
  prompt: { id: string; name: string; type: "TEXT" | "CHAT" };
  version: number;
  environment: string | null;
  content: PromptContent;
  updatedAt: Date;
};

/** Where an application asked for a prompt: a deployed environment, or a pinned version. */
export type ServedSelector = { environment?: string; version?: number };

export type FoundPrompt = { kind: "found"; served: ServedVersion } | { kind: "moved"; to: string };

/**
 * The version an application gets for a prompt name: what the environment (production by default)
 * runs, or the pinned version. A former name answers "moved" with the current one.
 */
export async function loadServedVersion(opts: { projectId: string; name: string; selector: ServedSelector }): Promise<FoundPrompt> {
  const prompt = await db.prompt.findUnique({ where: { projectId_name: { projectId: opts.projectId, name: opts.name } }, select: { id: true, name: true, type: true } });
  if (!prompt) {
    const former = await db.promptFormerName.findUnique({ where: { projectId_name: { projectId: opts.projectId, name: opts.name } }, select: { prompt: { select: { name: true } } } });
    if (former) return { kind: "moved", to: former.prompt.name };
    throw new AppError({ code: "not_found", message: `No prompt named "${opts.name}" in this project.` });
  }
  if (opts.selector.version !== undefined) {
    const version = await db.promptVersion.findUnique({ where: { promptId_number: { promptId: prompt.id, number: opts.selector.version } } });
    if (!version) throw new AppError({ code: "not_found", message: `${prompt.name} has no version ${opts.selector.version}.` });
    return { kind: "found", served: { prompt, version: version.number, environment: null, content: contentOf(version), updatedAt: version.createdAt } };
  }
  const slug = opts.selector.environment ?? DEFAULT_ENVIRONMENT;
  const env = await db.environment.findUnique({ where: { projectId_slug: { projectId: opts.projectId, slug } }, select: { id: true, name: true } });
  if (!env) throw new AppError({ code: "not_found", message: `No environment "${slug}" in this project.` });
  const pointer = await db.environmentPrompt.findUnique({ where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } } });
  if (!pointer) throw new AppError({ code: "not_found", message: `${env.name} does not run ${prompt.name} yet. Deploy or promote a version to it, or ask for ?version=N.` });
  const version = await db.promptVersion.findUniqueOrThrow({ where: { promptId_number: { promptId: prompt.id, number: pointer.version } } });
  return { kind: "found", served: { prompt, version: version.number, environment: slug, content: contentOf(version), updatedAt: pointer.updatedAt } };
}

const refKey = (name: string, version: number | null) => (version === null ? name : `${name}@${version}`);

/**
 * Templates of every prompt the content references, directly or through others: pinned references
 * at their version, the others at the version the environment runs. Missing ones are left out (the
 * renderer reports them by name).
 */
export async function loadReferencedTemplates(opts: { projectId: string; content: PromptContent; environment: string }): Promise<Map<string, string>> {
  const loaded = new Map<string, string>();
  const env = await db.environment.findUnique({ where: { projectId_slug: { projectId: opts.projectId, slug: opts.environment } }, select: { id: true } });
  let pending = templatesOf(opts.content).flatMap((t) => collectReferences(parseTemplate(t.source).nodes));
  for (let depth = 0; depth < 12 && pending.length; depth++) {
    const next: typeof pending = [];
    for (const ref of pending) {
      const k = refKey(ref.prompt, ref.version);
      if (loaded.has(k)) continue;
      const prompt = await db.prompt.findUnique({ where: { projectId_name: { projectId: opts.projectId, name: ref.prompt } }, select: { id: true } });
      if (!prompt) continue;
      const number = ref.version ?? (env ? (await db.environmentPrompt.findUnique({ where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } } }))?.version : undefined);
      const version = number ? await db.promptVersion.findUnique({ where: { promptId_number: { promptId: prompt.id, number } }, select: { template: true } }) : null;
      if (!version || version.template === null) continue;
      loaded.set(k, version.template);
      next.push(...collectReferences(parseTemplate(version.template).nodes));
    }
    pending = next;
  }
  return loaded;
}

export const referenceResolver = (templates: Map<string, string>) => (name: string, version: number | null) => {
  const template = templates.get(refKey(name, version));
  return template === undefined ? null : { template };
};
