// GET /api/prompts/{name} – the hot path. Answered by the custom server before Next.js sees the
// request (the framework costs ~20x per request, see README "Serving"), with the same lib/serving
// code as the route handlers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorBody, fromZodError, toAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { servedPromptQuerySchema } from "@/lib/validations/serving";
import { authenticateApiKey } from "@/lib/serving/authenticate-api-key";
import { getServedPrompt } from "@/lib/serving/get-served-prompt";
import { takeTokenOrThrow } from "@/lib/serving/rate-limit";
import type { CachedAnswer } from "@/lib/serving/serving-cache";

const PREFIX = "/api/prompts/";

/** The prompt name in a hot-path URL, or null when the request is not one (sub-routes, other methods). */
export function hotPathName(method: string | undefined, url: string | undefined): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url?.startsWith(PREFIX)) return null;
  const q = url.indexOf("?");
  const path = q === -1 ? url.slice(PREFIX.length) : url.slice(PREFIX.length, q);
  if (!path || path.endsWith("/")) return null;
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string | null, headers: Record<string, string>, head: boolean) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "private, no-cache", ...headers, ...(body !== null ? { "content-length": String(Buffer.byteLength(body)) } : {}) });
  res.end(head ? undefined : (body ?? undefined));
}

/** Whether an If-None-Match header names this ETag (a list, or *). */
function matches(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** Answers one GET (or HEAD) /api/prompts/{name}: API key, rate limit, cached answer, 304 on a matching ETag. */
export async function handlePromptRequest(req: IncomingMessage, res: ServerResponse, name: string, requestId: string): Promise<void> {
  const head = req.method === "HEAD";
  try {
    const key = await authenticateApiKey(req.headers.authorization, "prompts:read");
    takeTokenOrThrow(key);
    const url = req.url!;
    const q = url.indexOf("?");
    const parsed = servedPromptQuerySchema.safeParse(q === -1 ? {} : Object.fromEntries(new URLSearchParams(url.slice(q + 1))));
    if (!parsed.success) throw fromZodError(parsed.error);
    const answer: CachedAnswer = await getServedPrompt({ projectId: key.projectId, name, query: { environment: parsed.data.environment, version: parsed.data.version, resolve: parsed.data.resolve === "true" } });
    if (answer.etag && matches(req.headers["if-none-match"], answer.etag)) return send(res, 304, null, { etag: answer.etag }, true);
    send(res, answer.status, answer.body, { ...answer.headers, ...(answer.etag ? { etag: answer.etag } : {}) }, head);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) log.error("request failed", { requestId, method: req.method, path: req.url?.split("?")[0], error });
    send(res, appError.status, JSON.stringify(errorBody(appError, requestId)), appError.headers ?? {}, head);
  }
}
