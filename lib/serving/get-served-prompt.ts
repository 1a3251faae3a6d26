import "server-only";

import crypto from "node:crypto";
import type { z } from "zod";

import { cachedAnswer, generationOf, rememberAnswer, staleAnswer, type CachedAnswer } from "@/lib/cache/serving-cache";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { getEnv } from "@/lib/env";
import { AppError, errorBody, validationError } from "@/lib/errors";
import { log } from "@/lib/log";
import { loadReferencedTemplates, referenceResolver } from "@/lib/prompts/load-referenced-templates";
import { templatesOf } from "@/lib/prompts/prompt-text";
import { templateLimitError } from "@/lib/prompts/template-limit-error";
import { DEFAULT_ENVIRONMENT, loadServedVersion, type ServedSelector } from "@/lib/serving/load-served-version";
import { contractWithReferences } from "@/lib/templates/contract-with-references";
import { inlineReferences } from "@/lib/templates/inline-references";
import { TemplateError } from "@/lib/templates/render-template";
import { WorkBudget } from "@/lib/templates/work-budget";
import type { servedPromptSchema } from "@/lib/validations/serving";

export type ServedPromptQuery = ServedSelector & { resolve: boolean };

/** The JSON an application gets for GET /api/prompts/{name}, as the OpenAPI document describes it. */
export type ServedPromptBody = z.output<typeof servedPromptSchema>;

const etagOf = (body: string) => `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

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
  const { served } = found;
  let { template, messages, contract } = served.content;
  if (opts.query.resolve) {
    const templates = await loadReferencedTemplates({
      projectId: opts.projectId,
      content: served.content,
      environment: served.environment ?? opts.query.environment ?? DEFAULT_ENVIRONMENT,
    });
    const resolveReference = referenceResolver(templates);
    // One budget for all messages: the limit is on the whole answer.
    const budget = new WorkBudget({ maxBytes: getEnv().GALLEY_MAX_RESOLVED_BYTES }, "resolved template");
    const inline = (source: string) =>
      inlineReferences({ template: source, resolveReference, promptName: served.prompt.name, budget });
    try {
      if (template !== undefined && template !== null) template = inline(template);
      if (messages)
        messages = messages.map((m) => (m.role === "placeholder" ? m : { ...m, content: inline(m.content) }));
      // The resolved text no longer says where included prompts were: their defaults travel in the contract.
      contract = contractWithReferences({
        contract: served.content.contract,
        templates: templatesOf(served.content).map((t) => t.source),
        resolveReference,
      });
    } catch (error) {
      const tooLarge = templateLimitError({
        error,
        prompt: `${served.prompt.name} v${served.version}`,
        path: "template",
      });
      // Kept like any answer: it changes only when a deployment does, and repeating the work is what an attack wants.
      if (tooLarge)
        return { status: tooLarge.status, body: JSON.stringify(errorBody(tooLarge)), etag: null, headers: {} };
      if (error instanceof TemplateError) {
        throw validationError(
          error.issues.map((i) => ({ path: i.prompt ? `references.${i.prompt}` : "template", message: i.message })),
          `${served.prompt.name} v${served.version} references prompts that cannot be resolved here: ${error.message}. Deploy them to the same environment, pin their versions, or ask with ?resolve=false.`,
        );
      }
      throw error;
    }
  }
  const payload: ServedPromptBody = {
    name: served.prompt.name,
    type: served.prompt.type === "CHAT" ? "chat" : "text",
    version: served.version,
    environment: served.environment,
    ...(served.prompt.type === "CHAT" ? { messages: messages ?? [] } : { template: template ?? "" }),
    contract,
    modelConfig: served.content.modelConfig,
    description: served.prompt.description,
    tags: served.prompt.tags,
    resolved: opts.query.resolve,
    updatedAt: served.updatedAt.toISOString(),
  };
  const body = JSON.stringify(payload);
  return { status: 200, body, etag: etagOf(body), headers: {} };
}

/**
 * What GET /api/prompts/{name} answers, from this instance's cache when it can: every change that
 * alters an answer (deploy, rollback, promotion, rename, delete) clears the project's answers first.
 * Errors (unknown prompt or environment, unresolvable references) are thrown, never cached, except
 * template_too_large (see buildAnswer). When the database cannot be reached, the last answer this
 * instance had is returned marked stale, or 503 when it has none.
 */
const cacheKeyOf = (name: string, query: ServedPromptQuery) =>
  `${name}\n${query.environment ?? ""}\n${query.version ?? ""}\n${query.resolve ? 1 : 0}`;

/** The cached answer, synchronously, when this instance has one (the hot path's fast lane). */
export const getCachedServedPrompt = (opts: { projectId: string; name: string; query: ServedPromptQuery }) =>
  cachedAnswer(opts.projectId, cacheKeyOf(opts.name, opts.query));

export async function getServedPrompt(opts: {
  projectId: string;
  name: string;
  query: ServedPromptQuery;
}): Promise<CachedAnswer> {
  const cacheKey = cacheKeyOf(opts.name, opts.query);
  const hit = cachedAnswer(opts.projectId, cacheKey);
  if (hit) return hit;
  const generation = generationOf(opts.projectId);
  let answer: CachedAnswer;
  try {
    answer = await buildAnswer(opts);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // Prisma's own message is several lines of invocation context; the driver's cause says what happened.
    const cause = (error as { meta?: { driverAdapterError?: { cause?: { message?: string; kind?: string } } } }).meta
      ?.driverAdapterError?.cause;
    log.warn("database unreachable on the serving hot path", {
      name: opts.name,
      error: cause?.message ?? cause?.kind ?? String(error).trim().split("\n").pop(),
    });
    // stale-if-error (RFC 5861): the last answer this instance had beats no answer while the database is down.
    const stale = staleAnswer(opts.projectId, cacheKey);
    if (stale)
      return { ...stale, headers: { ...stale.headers, "galley-stale": "1", warning: '110 - "Response is Stale"' } };
    throw new AppError({
      code: "unavailable",
      message:
        "The prompt store cannot be reached right now, and this instance has no earlier answer for this request. Retry shortly.",
      headers: { "retry-after": "5" },
    });
  }
  rememberAnswer(opts.projectId, cacheKey, generation, answer);
  return answer;
}
