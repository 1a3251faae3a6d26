// GET /api/prompts/{name} – the hot path. Answered by the custom server before Next.js sees the
// request (the framework costs ~20x per request, see README "Serving"), with the same lib/serving
// code as the route handlers.
import "server-only";

import type { IncomingMessage, ServerResponse } from "node:http";

import { authenticateApiKey, authenticateCachedApiKey } from "@/lib/api-keys/authenticate-api-key";
import { takeTokenOrThrow } from "@/lib/api-keys/rate-limit";
import type { CachedAnswer } from "@/lib/cache/serving-cache";
import { AppError, errorBody, fromZodError, toAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getCachedServedPrompt, getServedPrompt, type ServedPromptQuery } from "@/lib/serving/get-served-prompt";
import { servedPromptQuerySchema } from "@/lib/validations/serving";

const PREFIX = "/api/prompts/";

/**
 * The prompt name in a hot-path URL, still percent-encoded (handlePromptRequest decodes it, so a
 * bad encoding is answered there with a 400), or null when the request is not one (sub-routes,
 * other methods).
 */
export function hotPathName(method: string | undefined, url: string | undefined): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url?.startsWith(PREFIX)) return null;
  const q = url.indexOf("?");
  const path = q === -1 ? url.slice(PREFIX.length) : url.slice(PREFIX.length, q);
  if (!path || path.endsWith("/")) return null;
  return path;
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
const queries = new Map<string, ServedPromptQuery>();
function queryOf(raw: string): ServedPromptQuery {
  const known = queries.get(raw);
  if (known) return known;
  const parsed = servedPromptQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(raw)));
  if (!parsed.success) throw fromZodError(parsed.error);
  const query = {
    environment: parsed.data.environment,
    version: parsed.data.version,
    resolve: parsed.data.resolve === "true",
  };
  if (queries.size >= 1000) queries.clear();
  queries.set(raw, query);
  return query;
}

/** Whether an If-None-Match header names this ETag (a list, or *). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch === etag) return true;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

function answer(req: IncomingMessage, res: ServerResponse, found: CachedAnswer, head: boolean) {
  if (found.etag && matchesEtag(req.headers["if-none-match"], found.etag)) {
    // A stale answer's marker (Galley-Stale, Warning) holds for its 304 too.
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

function fail(req: IncomingMessage, res: ServerResponse, error: unknown, requestId: string, head: boolean) {
  const appError = toAppError(error);
  // "unavailable" (the database is down) was logged with its cause where it was decided (getServedPrompt).
  if (appError.status >= 500 && appError.code !== "unavailable")
    log.error("request failed", { requestId, method: req.method, path: req.url?.split("?")[0], error });
  send(res, appError.status, JSON.stringify(errorBody(appError, requestId)), appError.headers ?? {}, head);
}

/**
 * Answers one GET (or HEAD) /api/prompts/{name}: API key, rate limit, answer, 304 on a matching
 * ETag. When this instance has the key and the answer cached, it answers synchronously: no promise
 * is created, which matters because Next.js's AsyncLocalStorage hooks tax every promise. `path` is
 * the name as the URL has it (hotPathName).
 */
export function handlePromptRequest(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): void {
  const head = req.method === "HEAD";
  try {
    const name = decodeName(path);
    const url = req.url!;
    const q = url.indexOf("?");
    const query = queryOf(q === -1 ? "" : url.slice(q + 1));
    const key = authenticateCachedApiKey(req.headers.authorization, "prompts:read");
    if (key) {
      takeTokenOrThrow(key);
      const found = getCachedServedPrompt({ projectId: key.projectId, name, query });
      if (found) return answer(req, res, found, head);
      return void getServedPrompt({ projectId: key.projectId, name, query }).then(
        (found) => answer(req, res, found, head),
        (error) => fail(req, res, error, requestId, head),
      );
    }
    void authenticateApiKey(req.headers.authorization, "prompts:read")
      .then((key) => {
        takeTokenOrThrow(key);
        return getServedPrompt({ projectId: key.projectId, name, query });
      })
      .then(
        (found) => answer(req, res, found, head),
        (error) => fail(req, res, error, requestId, head),
      );
  } catch (error) {
    fail(req, res, error, requestId, head);
  }
}
