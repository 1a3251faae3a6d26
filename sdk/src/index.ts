// @galley/sdk – read prompts deployed in Galley from an application.
//
//   const galley = createGalley({ baseUrl: "https://galley.example.com", apiKey: process.env.GALLEY_API_KEY! });
//   const prompt = await galley.getPrompt<{ name: string }>("support/refund-reply", { environment: "production" });
//   const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", ...prompt.toOpenAI({ name: "Ana" }) });
//
// Answers are cached in memory (cacheTtlSeconds, default 60). A stale entry is returned at once and
// refreshed in the background (one request in flight per prompt, with If-None-Match), so a cache
// hit never waits and never throws. With nothing cached and the server unreachable, `fallback` is
// returned with isFallback: true. Rendering uses Galley's own template module (lib/templates),
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
};

type PromptData = {
  name: string;
  type: "text" | "chat";
  version: number | null;
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
  const cache = new Map<string, Entry>();

  /** One request with retries; null means 304 (unchanged). */
  async function request(
    path: string,
    etag: string | null,
    opts: GetPromptOptions,
  ): Promise<{ data: PromptData; etag: string | null } | null> {
    const attempts = 1 + (opts.maxRetries ?? 2);
    let lastError: GalleyError = new GalleyError("Galley could not be reached.", null, "unreachable");
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(Math.min(2000, 100 * 2 ** (attempt - 1)));
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 5000);
      try {
        const res = await doFetch(`${base}${path}`, {
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            accept: "application/json",
            ...(etag ? { "if-none-match": etag } : {}),
          },
          signal: controller.signal,
        });
        if (res.status === 304) return null;
        if (res.ok) return { data: (await res.json()) as PromptData, etag: res.headers.get("etag") };
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

  function refresh(key: string, path: string, entry: Entry, opts: GetPromptOptions) {
    entry.refreshing ??= request(path, entry.etag, opts)
      .then((answer) => {
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
      const key = path;
      const entry = cache.get(key);
      if (entry) {
        if (Date.now() - entry.fetchedAt > (opts.cacheTtlSeconds ?? 60) * 1000) refresh(key, path, entry, opts);
        return toPrompt<V>(entry.data, false);
      }
      try {
        const answer = await request(path, null, opts);
        if (!answer) throw new GalleyError("Galley answered 304 to a request without an ETag.", 304, "unexpected");
        cache.set(key, { data: answer.data, etag: answer.etag, fetchedAt: Date.now(), refreshing: null });
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
    /** Forget every cached prompt (the next getPrompt asks Galley). */
    clearCache() {
      cache.clear();
    },
  };
}

export type Galley = ReturnType<typeof createGalley>;
