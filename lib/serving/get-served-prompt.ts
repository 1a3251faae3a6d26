import "server-only";

import crypto from "node:crypto";
import type { z } from "zod";

import { cachedAnswer, type CachedAnswer } from "@/lib/cache/serving-cache";
import { AppError, errorBody } from "@/lib/errors";
import { buildSplitAnswer, releaseOf } from "@/lib/serving/build-split-answer";
import {
  DEFAULT_ENVIRONMENT,
  loadServedVersion,
  type ServedSelector,
  type ServedVersion,
} from "@/lib/serving/load-served-version";
import { resolveServedContent } from "@/lib/serving/resolve-served-content";
import { serveCachedAnswer } from "@/lib/serving/serve-cached-answer";
import type { servedPromptSchema } from "@/lib/validations/serving";

export type ServedPromptQuery = ServedSelector & { resolve: boolean };

/** The JSON an application gets for GET /api/prompts/{name}, as the OpenAPI document describes it. */
export type ServedPromptBody = z.output<typeof servedPromptSchema>;

/** A strong ETag of an answer's body (shared by every application-facing API). */
export const etagOf = (body: string) =>
  `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

async function buildAnswer(opts: { projectId: string; name: string; query: ServedPromptQuery }): Promise<CachedAnswer> {
  const found = await loadServedVersion({ projectId: opts.projectId, name: opts.name, selector: opts.query });
  if (found.kind === "moved") {
    const qs = new URLSearchParams();
    if (opts.query.environment) qs.set("environment", opts.query.environment);
    if (opts.query.version !== undefined) qs.set("version", String(opts.query.version));
    if (!opts.query.resolve) qs.set("resolve", "false");
    const location = `/api/prompts/${found.to}${qs.size ? `?${qs}` : ""}`;
    const body = JSON.stringify({
      error: { code: "moved", message: `${opts.name} was renamed to ${found.to}.`, details: { name: found.to } },
    });
    return { status: 308, body, etag: null, headers: { location } };
  }
  return buildSplitAnswer(found, (served) => answerFor(served, opts.projectId, opts.query));
}

async function answerFor(served: ServedVersion, projectId: string, query: ServedPromptQuery): Promise<CachedAnswer> {
  let { template, messages, contract } = served.content;
  if (query.resolve) {
    try {
      ({ template, messages, contract } = await resolveServedContent({
        projectId,
        served,
        environment: served.environment ?? query.environment ?? DEFAULT_ENVIRONMENT,
        hint: "Deploy them to the same environment, pin their versions, or ask with ?resolve=false.",
      }));
    } catch (error) {
      // Kept like any answer: it changes only when a deployment does, and repeating the work is what an attack wants.
      if (error instanceof AppError && error.code === "template_too_large")
        return { status: error.status, body: JSON.stringify(errorBody(error)), etag: null, headers: {} };
      throw error;
    }
  }
  const payload: ServedPromptBody = {
    name: served.prompt.name,
    type: served.prompt.type === "CHAT" ? "chat" : "text",
    version: served.version,
    release: releaseOf(served),
    environment: served.environment,
    ...(served.prompt.type === "CHAT" ? { messages: messages ?? [] } : { template: template ?? "" }),
    contract,
    modelConfig: served.content.modelConfig,
    description: served.prompt.description,
    tags: served.prompt.tags,
    resolved: query.resolve,
    updatedAt: served.updatedAt.toISOString(),
  };
  const body = JSON.stringify(payload);
  return { status: 200, body, etag: etagOf(body), headers: {} };
}

/**
 * What GET /api/prompts/{name} answers, through the serving cache (serveCachedAnswer). Errors
 * (unknown prompt or environment, unresolvable references) are thrown, never cached, except
 * template_too_large (see buildAnswer).
 */
const cacheKeyOf = (name: string, query: ServedPromptQuery) =>
  `${name}\n${query.environment ?? ""}\n${query.version ?? ""}\n${query.resolve ? 1 : 0}`;

/** The cached answer, synchronously, when this instance has one (the hot path's fast lane). */
export const getCachedServedPrompt = (opts: { projectId: string; name: string; query: ServedPromptQuery }) =>
  cachedAnswer(opts.projectId, cacheKeyOf(opts.name, opts.query));

export const getServedPrompt = (opts: { projectId: string; name: string; query: ServedPromptQuery }) =>
  serveCachedAnswer({
    projectId: opts.projectId,
    cacheKey: cacheKeyOf(opts.name, opts.query),
    name: opts.name,
    build: () => buildAnswer(opts),
  });
