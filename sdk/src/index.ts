// @galley/sdk – read prompts deployed in Galley from an application.
//
//   const galley = createGalley({ baseUrl: "https://galley.example.com", apiKey: process.env.GALLEY_API_KEY! });
//   const prompt = await galley.getPrompt<{ name: string }>("support/refund-reply", { environment: "production" });
//   const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", ...prompt.toOpenAI({ name: "Ana" }) });
//
// Answers are cached in memory (cacheTtlSeconds, default 60). A stale entry is returned at once and
// refreshed in the background (one request in flight per prompt, with If-None-Match), so a cache
// hit never waits and never throws. With nothing cached and the server unreachable, `fallback` is
// returned with isFallback: true. While an environment runs a release (a split between versions),
// pass a `unit` (a user or session id): it gets the same version every time, and answers are cached
// per unit. Rendering uses Galley's own template module (lib/templates),
// bundled in, so the app renders exactly as the server and the playground do.
import type { Contract, JsonValue } from "../../lib/templates/contract";
import {
  renderPrompt,
  toOpenAIParams,
  type ModelSettings,
  type OpenAIParams,
  type PromptMessage,
  type RenderableContent,
  type RenderedMessage,
} from "../../lib/templates/render-prompt";
import {
  TemplateError,
  type ReferenceResolver,
  type TemplateIssue,
  type TemplateIssueCode,
} from "../../lib/templates/render-template";
import type { TemplateLimits } from "../../lib/templates/work-budget";
import type { ChatCompletionParams, ChatImagePart, ChatMessage, ChatTextPart, ChatToolCall } from "./openai-types";

// renderPrompt renders content you already have (a fallback, a file, a test) exactly as the server
// does; sdk/conformance is the suite every renderer passes.
export { renderPrompt, TemplateError };
export type {
  ReferenceResolver,
  RenderableContent,
  TemplateIssue,
  TemplateIssueCode,
  TemplateLimits,
  ChatCompletionParams,
  ChatImagePart,
  ChatMessage,
  ChatTextPart,
  ChatToolCall,
  Contract,
  JsonValue,
  ModelSettings,
  OpenAIParams,
  PromptMessage,
  RenderedMessage,
};

export type GalleyOptions = {
  /** Where Galley runs, e.g. https://galley.example.com */
  baseUrl: string;
  /** A project API key with prompts:read (Settings → API keys). */
  apiKey: string;
  /** Defaults to the global fetch (Node 18+, browsers, workers). */
  fetch?: typeof fetch;
  /**
   * The unit id every call sends unless it names its own (Galley-Unit): during a release, the same
   * unit always gets the same version. At most 200 characters.
   */
  unit?: string;
  /** Answers kept at most (per prompt, environment or version, and unit); past it the oldest go first. Default 10,000. */
  maxCached?: number;
};

export type FallbackPrompt = {
  type?: "text" | "chat";
  template?: string;
  messages?: PromptMessage[];
  modelConfig?: ModelSettings;
  contract?: Contract;
};

export type GetPromptOptions = {
  /** The environment whose deployed version to get (default production). */
  environment?: string;
  /** A pinned version instead of an environment's. */
  version?: number;
  /** How long an answer is fresh; after that it is served stale while a refresh runs. Default 60. */
  cacheTtlSeconds?: number;
  /** Returned (isFallback: true) when nothing is cached and Galley cannot be reached. */
  fallback?: FallbackPrompt;
  /** Per attempt. Default 5000. */
  timeoutMs?: number;
  /** Extra attempts after a network error, timeout, 429 or 5xx. Default 2. */
  maxRetries?: number;
  /** Who this call is for (a user, a session): overrides the client's unit. */
  unit?: string;
};

export type FeedbackOptions = {
  /** The prompt's name. */
  name: string;
  /**
   * This rating's key, so that a retry is counted once (1–100 characters: letters, digits, . _ : -).
   * Omitted: a random one per call, sent on each of its retries. Pass your own to retry across calls
   * or processes (e.g. "order-42:thumbs"); Galley keeps the first rating with an id, per prompt.
   */
  id?: string;
  /** The answer's `release` (during a split); or give its `version`. */
  release?: string | null;
  version?: number | null;
  environment?: string | null;
  /** "up" / "down" (thumbs), or a number on your own scale (−1,000,000 to 1,000,000). */
  score: "up" | "down" | number;
  /** At most 2,000 characters. */
  comment?: string;
  /** Your trace or request id, at most 200 characters. */
  traceId?: string;
  /** Defaults to the client's unit. */
  unit?: string;
  timeoutMs?: number;
  maxRetries?: number;
};

type PromptData = {
  name: string;
  type: "text" | "chat";
  version: number | null;
  /** The arm of a release this answer is ("<releaseId>.<version>"): send it back with feedback. null outside a split. */
  release: string | null;
  environment: string | null;
  template?: string;
  messages?: PromptMessage[];
  contract: Contract;
  modelConfig: ModelSettings;
};

export type Prompt<V extends Record<string, unknown> = Record<string, unknown>> = Readonly<PromptData> & {
  /** True when this is the fallback you passed, because Galley could not be reached. */
  isFallback: boolean;
  /** Text prompts: the rendered text. Chat prompts: the text of every message, joined by blank lines. */
  render(variables: V): string;
  /** Messages plus the version's model settings, ready for openai.chat.completions.create (give a model first for versions that name none). */
  toOpenAI(variables: V): ChatCompletionParams;
};

/** What Galley answered when it refused (4xx), or why it could not be reached. */
export class GalleyError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
  ) {
    super(message);
    this.name = "GalleyError";
  }
}

type Entry = { data: PromptData; etag: string | null; fetchedAt: number; refreshing: Promise<void> | null };

const retryable = (status: number) => status === 429 || status >= 500;
const MAX_UNIT_LENGTH = 200;
const FEEDBACK_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A random feedback id: a UUID where crypto has one (Node 19+, browsers, workers); else 32 hex digits. */
function newFeedbackId(): string {
  const crypto = (globalThis as { crypto?: Partial<Pick<Crypto, "randomUUID" | "getRandomValues">> }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  // Node 18 has no global crypto; V8 seeds Math.random per process, and an id only has to differ per prompt.
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function checkUnit(unit: string | undefined, what: string): string | undefined {
  if (unit === undefined || unit === "") return undefined;
  if (typeof unit !== "string" || unit.length > MAX_UNIT_LENGTH)
    throw new RangeError(`${what} must be a string of at most ${MAX_UNIT_LENGTH} characters (a user or session id).`);
  return unit;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function toPrompt<V extends Record<string, unknown>>(data: PromptData, isFallback: boolean): Prompt<V> {
  const rendered = (variables: V) =>
    renderPrompt({
      content: {
        template: data.template,
        messages: data.type === "chat" ? (data.messages ?? []) : null,
        contract: data.contract,
      },
      values: variables,
      promptName: data.name,
    });
  return Object.freeze({
    ...data,
    isFallback,
    render: (variables: V) => {
      const r = rendered(variables);
      return (
        r.text ??
        r.messages.map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content))).join("\n\n")
      );
    },
    // The prompt's own messages have a system, user or assistant role and text; a placeholder's
    // list is the caller's own value, typed as ChatMessage[] when V says so, and passed on as given.
    toOpenAI: (variables: V): ChatCompletionParams => ({
      ...toOpenAIParams(data.modelConfig),
      messages: rendered(variables).messages as ChatMessage[],
    }),
  });
}

export function createGalley(options: GalleyOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  if (!doFetch) throw new Error("No fetch available: pass options.fetch (Node 18+ has one).");
  const clientUnit = checkUnit(options.unit, "options.unit");
  const maxCached = options.maxCached ?? 10_000;
  if (!Number.isInteger(maxCached) || maxCached < 1)
    throw new RangeError(`options.maxCached must be a whole number of answers, at least 1, not ${maxCached}.`);
  const cache = new Map<string, Entry>();
  const remember = (key: string, entry: Entry) => {
    cache.delete(key);
    // Unit ids come from users: bound the memory, the earliest cached going first.
    if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  };

  /** One request with retries: the answer, or null for 304 (unchanged). */
  async function send(
    path: string,
    init: { method?: string; body?: unknown; etag?: string | null; unit?: string },
    opts: { timeoutMs?: number; maxRetries?: number },
  ): Promise<Response | null> {
    const attempts = 1 + (opts.maxRetries ?? 2);
    let lastError: GalleyError = new GalleyError("Galley could not be reached.", null, "unreachable");
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(Math.min(2000, 100 * 2 ** (attempt - 1)));
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 5000);
      try {
        const res = await doFetch(`${base}${path}`, {
          method: init.method ?? "GET",
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            accept: "application/json",
            ...(init.etag ? { "if-none-match": init.etag } : {}),
            ...(init.unit ? { "galley-unit": init.unit } : {}),
            ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
          },
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          signal: controller.signal,
        });
        if (res.status === 304) return null;
        if (res.ok) return res;
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        lastError = new GalleyError(
          body?.error?.message ?? `Galley answered ${res.status}.`,
          res.status,
          body?.error?.code ?? "http_error",
        );
        if (!retryable(res.status)) throw lastError;
        const retryAfter = Number(res.headers.get("retry-after"));
        if (retryAfter > 0) await sleep(Math.min(2000, retryAfter * 1000));
      } catch (error) {
        if (error instanceof GalleyError && error.status !== null && !retryable(error.status)) throw error;
        if (!(error instanceof GalleyError))
          lastError = new GalleyError(
            controller.signal.aborted
              ? `Galley did not answer within ${opts.timeoutMs ?? 5000} ms.`
              : `Galley could not be reached: ${(error as Error).message}`,
            null,
            controller.signal.aborted ? "timeout" : "unreachable",
          );
      } finally {
        clearTimeout(timer);
      }
    }
    throw lastError;
  }

  async function request(
    path: string,
    etag: string | null,
    unit: string | undefined,
    opts: GetPromptOptions,
  ): Promise<{ data: PromptData; etag: string | null } | null> {
    const res = await send(path, { etag, unit }, opts);
    if (!res) return null;
    const data = (await res.json()) as PromptData;
    return { data: { ...data, release: data.release ?? null }, etag: res.headers.get("etag") };
  }

  function refresh(key: string, path: string, entry: Entry, unit: string | undefined, opts: GetPromptOptions) {
    entry.refreshing ??= request(path, entry.etag, unit, opts)
      .then((answer) => {
        // Cleared or evicted meanwhile: nothing to renew.
        if (cache.get(key) !== entry) return;
        const next: Entry = answer
          ? { data: answer.data, etag: answer.etag, fetchedAt: Date.now(), refreshing: null }
          : { ...entry, fetchedAt: Date.now(), refreshing: null };
        cache.set(key, next);
      })
      .catch(() => {
        // Keep serving what we have; the next call after the TTL tries again.
      })
      .finally(() => {
        entry.refreshing = null;
      });
  }

  return {
    /**
     * The prompt as deployed (or pinned). Fresh cache: no request. Stale cache: returned at once and
     * refreshed in the background. Nothing cached: fetched; if Galley cannot be reached, the fallback.
     */
    async getPrompt<V extends Record<string, unknown> = Record<string, unknown>>(
      name: string,
      opts: GetPromptOptions = {},
    ): Promise<Prompt<V>> {
      const qs = new URLSearchParams();
      if (opts.version !== undefined) qs.set("version", String(opts.version));
      else if (opts.environment) qs.set("environment", opts.environment);
      const path = `/api/prompts/${name.split("/").map(encodeURIComponent).join("/")}${qs.size ? `?${qs}` : ""}`;
      const unit = opts.unit !== undefined ? checkUnit(opts.unit, "unit") : clientUnit;
      // Per unit: during a split two units may get two versions. A pinned version never splits.
      const key = opts.version !== undefined ? path : `${path}\n${unit ?? ""}`;
      const entry = cache.get(key);
      if (entry) {
        if (Date.now() - entry.fetchedAt > (opts.cacheTtlSeconds ?? 60) * 1000) refresh(key, path, entry, unit, opts);
        return toPrompt<V>(entry.data, false);
      }
      try {
        const answer = await request(path, null, unit, opts);
        if (!answer) throw new GalleyError("Galley answered 304 to a request without an ETag.", 304, "unexpected");
        remember(key, { data: answer.data, etag: answer.etag, fetchedAt: Date.now(), refreshing: null });
        return toPrompt<V>(answer.data, false);
      } catch (error) {
        const unreachable = error instanceof GalleyError && (error.status === null || retryable(error.status));
        if (unreachable && opts.fallback) {
          const f = opts.fallback;
          const type = f.type ?? (f.messages ? "chat" : "text");
          return toPrompt<V>(
            {
              name,
              type,
              version: null,
              release: null,
              environment: opts.environment ?? null,
              template: f.template,
              messages: f.messages,
              contract: f.contract ?? { variables: [] },
              modelConfig: f.modelConfig ?? {},
            },
            true,
          );
        }
        throw error;
      }
    },
    /**
     * Report what a user thought of an answer (POST /api/prompts/{name}/feedback): name it by the
     * answer's `release` (during a split) or `version`, with a score ("up", "down" or a number).
     * Galley stores feedback in batches, so the studio shows it a few seconds later. Every retry
     * of a call sends the same `id` (a random one unless you pass yours): Galley counts it once.
     */
    async feedback(feedback: FeedbackOptions): Promise<void> {
      const { name, timeoutMs, maxRetries, ...fields } = feedback;
      const release = fields.release ?? undefined;
      const version = fields.version ?? undefined;
      if (release === undefined && version === undefined)
        throw new TypeError("feedback needs the answer's release or its version (prompt.release, prompt.version).");
      if (typeof fields.score === "number" ? !Number.isFinite(fields.score) : !["up", "down"].includes(fields.score))
        throw new TypeError(`feedback's score is "up", "down" or a finite number, not ${String(fields.score)}.`);
      if (fields.id !== undefined && (typeof fields.id !== "string" || !FEEDBACK_ID.test(fields.id)))
        throw new TypeError(
          `feedback's id is 1 to 100 letters, digits, ".", "_", ":" or "-", not ${String(fields.id)}.`,
        );
      const unit = fields.unit !== undefined ? checkUnit(fields.unit, "unit") : clientUnit;
      // One body for every attempt: a retry after a lost 202 carries the same id, so it is stored once.
      const body = {
        id: fields.id ?? newFeedbackId(),
        release,
        version,
        environment: fields.environment ?? undefined,
        score: fields.score,
        comment: fields.comment,
        traceId: fields.traceId,
        unit,
      };
      const path = `/api/prompts/${name.split("/").map(encodeURIComponent).join("/")}/feedback`;
      const res = await send(path, { method: "POST", body }, { timeoutMs, maxRetries });
      await res?.text();
    },
    /** Forget every cached prompt (the next getPrompt asks Galley). */
    clearCache() {
      cache.clear();
    },
  };
}

export type Galley = ReturnType<typeof createGalley>;
