// GET /api/prompts/{name} and Langfuse's GET /api/public/v2/prompts/{name} – the hot path. Answered
// by the custom server before Next.js sees the request (the framework costs ~20x per request, see
// README "Serving"), with the same lib/serving code as the route handlers.
import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { authenticateApiKey, authenticateCachedApiKey, type ApiKeyIdentity } from "@/lib/api-keys/authenticate-api-key";
import { takeTokenOrThrow } from "@/lib/api-keys/rate-limit";
import type { CachedAnswer } from "@/lib/cache/serving-cache";
import { AppError, errorBody, fromZodError, toAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { countServed } from "@/lib/outcomes/usage-counter";
import {
  getCachedLangfusePrompt,
  getLangfusePrompt,
  langfuseErrorBody,
  type LangfusePromptQuery,
} from "@/lib/serving/get-langfuse-prompt";
import { getCachedServedPrompt, getServedPrompt, type ServedPromptQuery } from "@/lib/serving/get-served-prompt";
import { pickArm } from "@/lib/serving/pick-arm";
import { takeUnit } from "@/lib/serving/take-unit";
import { langfusePromptQuerySchema } from "@/lib/validations/langfuse";
import { servedPromptQuerySchema } from "@/lib/validations/serving";

/** A hot-path request: which API (Galley's own or the Langfuse-compatible one) and the prompt name, still percent-encoded. */
export type HotPath = { api: "galley" | "langfuse"; path: string };

const PREFIXES = [
  ["/api/prompts/", "galley"],
  ["/api/public/v2/prompts/", "langfuse"],
] as const;

/**
 * The hot-path request in a URL, its name still percent-encoded (handlePromptRequest decodes it, so
 * a bad encoding is answered there with a 400; Langfuse's SDKs encode a folder's "/" as %2F), or null
 * when the request is not one (sub-routes, lists, other methods).
 */
export function hotPathName(method: string | undefined, url: string | undefined): HotPath | null {
  if ((method !== "GET" && method !== "HEAD") || !url) return null;
  for (const [prefix, api] of PREFIXES) {
    if (!url.startsWith(prefix)) continue;
    const q = url.indexOf("?");
    const path = q === -1 ? url.slice(prefix.length) : url.slice(prefix.length, q);
    if (!path || path.endsWith("/")) return null;
    return { api, path };
  }
  return null;
}

// decodeURIComponent throws on "%ZZ" and on encoded lone surrogates; a NUL would fail in PostgreSQL.
function decodeName(path: string): string {
  let name: string;
  try {
    name = decodeURIComponent(path);
  } catch {
    throw new AppError({ code: "bad_request", message: "The prompt name in the URL is not valid percent-encoding." });
  }
  if (name.includes("\u0000"))
    throw new AppError({ code: "bad_request", message: "The prompt name in the URL contains a NUL character." });
  return name;
}

// A JSON API: nothing here may be sniffed as HTML, framed, or load anything.
const CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

function send(
  res: ServerResponse,
  status: number,
  body: string | null,
  headers: Record<string, string>,
  head: boolean,
) {
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "private, no-cache");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("content-security-policy", CONTENT_SECURITY_POLICY);
  for (const name in headers) res.setHeader(name, headers[name]!);
  if (body !== null) res.setHeader("content-length", Buffer.byteLength(body));
  res.writeHead(status);
  res.end(head ? undefined : (body ?? undefined));
}

// Apps repeat the same few query strings; parse each once (bounded, so odd ones cannot grow it).
function parsedOnce<T>(parse: (params: Record<string, string>) => T) {
  const known = new Map<string, T>();
  return (raw: string): T => {
    let query = known.get(raw);
    if (query === undefined) {
      query = parse(Object.fromEntries(new URLSearchParams(raw)));
      if (known.size >= 1000) known.clear();
      known.set(raw, query);
    }
    return query;
  };
}
const galleyQueryOf = parsedOnce<ServedPromptQuery>((params) => {
  const parsed = servedPromptQuerySchema.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error);
  return {
    environment: parsed.data.environment,
    version: parsed.data.version,
    resolve: parsed.data.resolve === "true",
  };
});
const langfuseQueryOf = parsedOnce<LangfusePromptQuery>((params) => {
  const parsed = langfusePromptQuerySchema.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
});

type Lookup = { projectId: string; name: string; raw: string };
// Each API: its cached answer (synchronous), its answer through the cache, and its error body.
const APIS = {
  galley: {
    cached: (o: Lookup) => getCachedServedPrompt({ ...o, query: galleyQueryOf(o.raw) }),
    load: (o: Lookup) => getServedPrompt({ ...o, query: galleyQueryOf(o.raw) }),
    errorBody,
  },
  langfuse: {
    cached: (o: Lookup) => getCachedLangfusePrompt({ ...o, query: langfuseQueryOf(o.raw) }),
    load: (o: Lookup) => getLangfusePrompt({ ...o, query: langfuseQueryOf(o.raw) }),
    errorBody: langfuseErrorBody,
  },
};

/** Whether an If-None-Match header names this ETag (a list, or *). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

function answer(req: IncomingMessage, res: ServerResponse, found: CachedAnswer, head: boolean) {
  if (found.etag && matchesEtag(req.headers["if-none-match"], found.etag)) {
    // A stale answer's marker (Galley-Stale, Warning) holds for its 304 too, as do Galley-Version and Galley-Release.
    res.writeHead(304, {
      ...found.headers,
      etag: found.etag,
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
      "content-security-policy": CONTENT_SECURITY_POLICY,
    });
    return void res.end();
  }
  send(res, found.status, found.body, found.etag ? { ...found.headers, etag: found.etag } : found.headers, head);
}

/**
 * The one place every hot-path answer passes, synchronously, with the request's key: the unit's arm
 * is picked here, and `chosen.served` ({ promptId, environmentId, releaseId, version }; unset on
 * errors and redirects) with `key.id` is what a usage count needs.
 */
function respond(
  req: IncomingMessage,
  res: ServerResponse,
  key: ApiKeyIdentity,
  found: CachedAnswer,
  unit: string | undefined,
  head: boolean,
) {
  const chosen = pickArm(found, unit);
  const served = chosen.served;
  if (served)
    countServed({
      projectId: key.projectId,
      promptId: served.promptId,
      environmentId: served.environmentId,
      releaseId: served.releaseId,
      version: served.version,
      apiKeyId: key.id,
    });
  answer(req, res, chosen, head);
}

function fail(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  requestId: string,
  head: boolean,
  api: HotPath["api"],
) {
  const appError = toAppError(error);
  // "unavailable" (the database is down) was logged with its cause where it was decided (serveCachedAnswer).
  if (appError.status >= 500 && appError.code !== "unavailable")
    log.error("request failed", { requestId, method: req.method, path: req.url?.split("?")[0], error });
  send(res, appError.status, JSON.stringify(APIS[api].errorBody(appError, requestId)), appError.headers ?? {}, head);
}

/**
 * Answers one GET (or HEAD) /api/prompts/{name} or /api/public/v2/prompts/{name}: API key (Bearer or
 * Basic), rate limit, answer, 304 on a matching ETag. When this instance has the key and the answer
 * cached, it answers synchronously: no promise is created, which matters because Next.js's
 * AsyncLocalStorage hooks tax every promise. `hot` is what hotPathName read off the URL.
 */
export function handlePromptRequest(req: IncomingMessage, res: ServerResponse, hot: HotPath, requestId: string): void {
  const head = req.method === "HEAD";
  const api = APIS[hot.api];
  const failed = (error: unknown) => fail(req, res, error, requestId, head, hot.api);
  try {
    const name = decodeName(hot.path);
    const url = req.url!;
    const q = url.indexOf("?");
    const { raw, unit } = takeUnit(q === -1 ? "" : url.slice(q + 1), req.headers["galley-unit"]);
    const key = authenticateCachedApiKey(req.headers.authorization, "prompts:read");
    if (key) {
      takeTokenOrThrow(key);
      const found = api.cached({ projectId: key.projectId, name, raw });
      if (found) return respond(req, res, key, found, unit, head);
      return void api
        .load({ projectId: key.projectId, name, raw })
        .then((found) => respond(req, res, key, found, unit, head), failed);
    }
    void authenticateApiKey(req.headers.authorization, "prompts:read")
      .then((key) => {
        takeTokenOrThrow(key);
        return api.load({ projectId: key.projectId, name, raw }).then((found) => ({ key, found }));
      })
      .then(({ key, found }) => respond(req, res, key, found, unit, head), failed);
  } catch (error) {
    failed(error);
  }
}
