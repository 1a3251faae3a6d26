import "server-only";

import type { z } from "zod";

import { cachedAnswer, type CachedAnswer } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { AppError, errorBody } from "@/lib/errors";
import { parseArms } from "@/lib/releases/arms";
import { buildSplitAnswer, releaseOf } from "@/lib/serving/build-split-answer";
import { etagOf } from "@/lib/serving/get-served-prompt";
import {
  DEFAULT_ENVIRONMENT,
  loadServedVersion,
  type ServedSelector,
  type ServedVersion,
} from "@/lib/serving/load-served-version";
import { resolveServedContent } from "@/lib/serving/resolve-served-content";
import { serveCachedAnswer } from "@/lib/serving/serve-cached-answer";
import { LATEST_LABEL, type langfusePromptQuerySchema } from "@/lib/validations/langfuse";
import type { ModelConfig } from "@/lib/validations/prompt";

export type LangfusePromptQuery = z.output<typeof langfusePromptQuerySchema>;

type LangfuseMessage = { type: "chatmessage"; role: string; content: string } | { type: "placeholder"; name: string };

/** One prompt version as Langfuse's API returns it (its `Prompt` type: text or chat). */
export type LangfusePrompt = {
  id: string;
  name: string;
  version: number;
  type: "text" | "chat";
  prompt: string | LangfuseMessage[];
  config: ModelConfig;
  labels: string[];
  tags: string[];
  commitMessage: string;
  createdAt: string;
  updatedAt: string;
  /**
   * Galley's addition, only on an arm of a release (a split): "<releaseId>.<version>", as
   * GET /api/prompts/{name} names it. Langfuse's SDKs keep unknown fields of the answer.
   */
  release?: string;
};

/** Langfuse's error body: its top-level `message` (what the SDKs show) beside Galley's `error` object. */
export const langfuseErrorBody = (error: AppError, requestId?: string) => ({
  message: error.message,
  ...errorBody(error, requestId),
});

/** A label or version as the served selector: `latest` is the newest version, other labels are environments. */
export function selectorOf(query: LangfusePromptQuery): ServedSelector {
  if (query.version !== undefined) return { version: query.version };
  if (query.label === LATEST_LABEL) return { latest: true };
  return { environment: query.label ?? DEFAULT_ENVIRONMENT };
}

/**
 * The Langfuse body of a served version: its (resolved) template or messages, model settings as
 * `config`, and as `labels` the environments running this version (in the studio's order; an arm
 * of a release counts as running) plus `latest` when it is the newest.
 */
export async function toLangfusePrompt(opts: {
  projectId: string;
  served: ServedVersion;
  latest: boolean;
}): Promise<LangfusePrompt> {
  const { served } = opts;
  const [content, running] = await Promise.all([
    resolveServedContent({
      projectId: opts.projectId,
      served,
      // `latest` means the newest of everything; a pinned version includes what production runs, as /api/prompts does.
      environment: opts.latest ? undefined : (served.environment ?? DEFAULT_ENVIRONMENT),
      hint: "Deploy them to the same environment or pin their versions.",
    }),
    db.environmentPrompt.findMany({
      where: { promptId: served.prompt.id, OR: [{ version: served.version }, { release: { status: "active" } }] },
      select: { version: true, environment: { select: { slug: true } }, release: { select: { arms: true } } },
      orderBy: { environment: { position: "asc" } },
    }),
  ]);
  const labels = running
    .filter(
      (r) =>
        r.version === served.version ||
        (r.release && parseArms(r.release.arms).some((a) => a.version === served.version)),
    )
    .map((r) => r.environment.slug);
  const release = releaseOf(served);
  if (served.version === served.prompt.latestVersion) labels.push(LATEST_LABEL);
  const chat = served.prompt.type === "CHAT";
  return {
    id: served.saved.id,
    name: served.prompt.name,
    version: served.version,
    type: chat ? "chat" : "text",
    prompt: chat
      ? (content.messages ?? []).map((m) =>
          m.role === "placeholder"
            ? { type: "placeholder", name: m.name }
            : { type: "chatmessage", role: m.role, content: m.content },
        )
      : (content.template ?? ""),
    config: content.modelConfig,
    labels,
    tags: served.prompt.tags,
    commitMessage: served.saved.message,
    createdAt: served.saved.createdAt.toISOString(),
    updatedAt: served.updatedAt.toISOString(),
    ...(release ? { release } : {}),
  };
}

async function buildAnswer(opts: {
  projectId: string;
  name: string;
  query: LangfusePromptQuery;
}): Promise<CachedAnswer> {
  const selector = selectorOf(opts.query);
  const found = await loadServedVersion({ projectId: opts.projectId, name: opts.name, selector });
  if (found.kind === "moved") {
    const qs = new URLSearchParams();
    if (opts.query.label) qs.set("label", opts.query.label);
    if (opts.query.version !== undefined) qs.set("version", String(opts.query.version));
    const location = `/api/public/v2/prompts/${encodeURIComponent(found.to)}${qs.size ? `?${qs}` : ""}`;
    const message = `${opts.name} was renamed to ${found.to}.`;
    const body = JSON.stringify({ message, error: { code: "moved", message, details: { name: found.to } } });
    return { status: 308, body, etag: null, headers: { location } };
  }
  return buildSplitAnswer(found, async (served) => {
    try {
      const body = JSON.stringify(
        await toLangfusePrompt({ projectId: opts.projectId, served, latest: selector.latest === true }),
      );
      return { status: 200, body, etag: etagOf(body), headers: {} };
    } catch (error) {
      // Kept like any answer: it changes only when a deployment does, and repeating the work is what an attack wants.
      if (error instanceof AppError && error.code === "template_too_large")
        return { status: error.status, body: JSON.stringify(langfuseErrorBody(error)), etag: null, headers: {} };
      throw error;
    }
  });
}

// "langfuse:" cannot begin a prompt name, so these never meet GET /api/prompts/{name}'s keys.
const cacheKeyOf = (name: string, query: LangfusePromptQuery) =>
  `langfuse:\n${name}\n${query.label ?? ""}\n${query.version ?? ""}`;

/** The cached answer, synchronously, when this instance has one (the hot path's fast lane). */
export const getCachedLangfusePrompt = (opts: { projectId: string; name: string; query: LangfusePromptQuery }) =>
  cachedAnswer(opts.projectId, cacheKeyOf(opts.name, opts.query));

/**
 * GET /api/public/v2/prompts/{name} (Langfuse's "get prompt"): the version a label or version
 * selects, through the same serving cache as GET /api/prompts/{name} (same invalidation, same
 * stale-if-error), with a strong ETag.
 */
export const getLangfusePrompt = (opts: { projectId: string; name: string; query: LangfusePromptQuery }) =>
  serveCachedAnswer({
    projectId: opts.projectId,
    cacheKey: cacheKeyOf(opts.name, opts.query),
    name: opts.name,
    build: () => buildAnswer(opts),
  });
