import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentOf } from "@/lib/prompts/version-view";
import type { PromptContent } from "@/lib/validations/prompt";

export const DEFAULT_ENVIRONMENT = "production";

export type ServedVersion = {
  prompt: {
    id: string;
    name: string;
    type: "TEXT" | "CHAT";
    latestVersion: number;
    description: string;
    tags: string[];
  };
  version: number;
  /** The version row: its id, commit message and when it was saved. */
  saved: { id: string; message: string; createdAt: Date };
  environment: string | null;
  content: PromptContent;
  updatedAt: Date;
};

/**
 * Where an application asked for a prompt: a deployed environment, a pinned version, or (Langfuse's
 * `latest` label) the newest saved version.
 */
export type ServedSelector = { environment?: string; version?: number; latest?: boolean };

export type FoundPrompt = { kind: "found"; served: ServedVersion } | { kind: "moved"; to: string };

/**
 * The version an application gets for a prompt name: what the environment (production by default)
 * runs, or the pinned version. A former name answers "moved" with the current one.
 */
export async function loadServedVersion(opts: {
  projectId: string;
  name: string;
  selector: ServedSelector;
}): Promise<FoundPrompt> {
  const prompt = await db.prompt.findUnique({
    where: { projectId_name: { projectId: opts.projectId, name: opts.name } },
    select: { id: true, name: true, type: true, latestVersion: true, description: true, tags: true },
  });
  if (!prompt) {
    const former = await db.promptFormerName.findUnique({
      where: { projectId_name: { projectId: opts.projectId, name: opts.name } },
      select: { prompt: { select: { name: true } } },
    });
    if (former) return { kind: "moved", to: former.prompt.name };
    throw new AppError({ code: "not_found", message: `No prompt named "${opts.name}" in this project.` });
  }
  if (opts.selector.latest && prompt.latestVersion === 0)
    throw new AppError({ code: "not_found", message: `${prompt.name} has no saved version yet.` });
  const pinned = opts.selector.latest ? prompt.latestVersion : opts.selector.version;
  if (pinned !== undefined) {
    const version = await db.promptVersion.findUnique({
      where: { promptId_number: { promptId: prompt.id, number: pinned } },
    });
    if (!version) throw new AppError({ code: "not_found", message: `${prompt.name} has no version ${pinned}.` });
    return {
      kind: "found",
      served: {
        prompt,
        version: version.number,
        saved: { id: version.id, message: version.message, createdAt: version.createdAt },
        environment: null,
        content: contentOf(version),
        updatedAt: version.createdAt,
      },
    };
  }
  const slug = opts.selector.environment ?? DEFAULT_ENVIRONMENT;
  const env = await db.environment.findUnique({
    where: { projectId_slug: { projectId: opts.projectId, slug } },
    select: { id: true, name: true },
  });
  if (!env) throw new AppError({ code: "not_found", message: `No environment "${slug}" in this project.` });
  const pointer = await db.environmentPrompt.findUnique({
    where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } },
  });
  if (!pointer)
    throw new AppError({
      code: "not_found",
      message: `${env.name} does not run ${prompt.name} yet. Deploy or promote a version to it, or ask for ?version=N.`,
    });
  const version = await db.promptVersion.findUniqueOrThrow({
    where: { promptId_number: { promptId: prompt.id, number: pointer.version } },
  });
  return {
    kind: "found",
    served: {
      prompt,
      version: version.number,
      saved: { id: version.id, message: version.message, createdAt: version.createdAt },
      environment: slug,
      content: contentOf(version),
      updatedAt: pointer.updatedAt,
    },
  };
}
