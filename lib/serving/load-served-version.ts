import "server-only";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentOf } from "@/lib/prompts/version-view";
import { parseArms, type Arm } from "@/lib/releases/arms";
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
  /** The environment's id; null for a pinned version. */
  environmentId: string | null;
  /** The active release this answer is an arm of; null when the environment runs one version (or for a pinned one). */
  releaseId: string | null;
  content: PromptContent;
  updatedAt: Date;
};

/**
 * Where an application asked for a prompt: a deployed environment, a pinned version, or (Langfuse's
 * `latest` label) the newest saved version.
 */
export type ServedSelector = { environment?: string; version?: number; latest?: boolean };

/** An environment's active release: its id and each arm with the version it serves. */
export type ServedSplit = { releaseId: string; arms: Array<Arm & { served: ServedVersion }> };

/**
 * `served` is what the environment's pointer names (during a release, its base version: what code
 * that knows nothing of splits gets); `split`, during a release, every arm.
 */
export type FoundPrompt =
  { kind: "found"; served: ServedVersion; split: ServedSplit | null } | { kind: "moved"; to: string };

/**
 * The version an application gets for a prompt name: what the environment (production by default)
 * runs, or the pinned version. A former name answers "moved" with the current one. An environment
 * running a release (a split) answers with every arm; a pinned version never splits.
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
        environmentId: null,
        releaseId: null,
        content: contentOf(version),
        updatedAt: version.createdAt,
      },
      split: null,
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
    select: { version: true, updatedAt: true, release: { select: { id: true, arms: true, status: true } } },
  });
  if (!pointer)
    throw new AppError({
      code: "not_found",
      message: `${env.name} does not run ${prompt.name} yet. Deploy or promote a version to it, or ask for ?version=N.`,
    });
  const release = pointer.release?.status === "active" ? pointer.release : null;
  const arms = release ? parseArms(release.arms) : [];
  const numbers = [...new Set([pointer.version, ...arms.map((arm) => arm.version)])];
  const versions = await db.promptVersion.findMany({ where: { promptId: prompt.id, number: { in: numbers } } });
  const servedAs = (number: number, releaseId: string | null): ServedVersion => {
    const version = versions.find((v) => v.number === number);
    if (!version) throw new Error(`${prompt.name}: ${env.name} names version ${number}, which does not exist.`);
    return {
      prompt,
      version: version.number,
      saved: { id: version.id, message: version.message, createdAt: version.createdAt },
      environment: slug,
      environmentId: env.id,
      releaseId,
      content: contentOf(version),
      updatedAt: pointer.updatedAt,
    };
  };
  return {
    kind: "found",
    served: servedAs(pointer.version, null),
    split: release
      ? { releaseId: release.id, arms: arms.map((arm) => ({ ...arm, served: servedAs(arm.version, release.id) })) }
      : null,
  };
}
