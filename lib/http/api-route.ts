import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AppError, errorBody, fromZodError, toAppError } from "@/lib/errors";
import { refuseDeepJson } from "@/lib/http/refuse-deep-json";
import { refuseUnsafeInput } from "@/lib/http/refuse-unsafe-input";
import { log } from "@/lib/log";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/get-current-user";
import type { RequestContext } from "@/lib/request-context";
import { requestIdOf } from "@/lib/http/request-id";
import { isCrossSiteWrite } from "@/lib/http/is-cross-site-write";
import { redactPath } from "@/lib/http/redact-path";

export type ApiArgs<P> = { req: NextRequest; params: P; user: CurrentUser | null; ctx: RequestContext };


/**
 * Wraps a route handler: request id, session user, cross-site write check, and the one error
 * path (AppError → its status; ZodError → 422; anything else → logged 500 with no internals).
 * The handler returns a Response or a value to send as JSON.
 */
export function apiRoute<P = Record<string, never>>(handler: (args: ApiArgs<P>) => Promise<unknown>) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    try {
      if (isCrossSiteWrite(req)) throw new AppError({ code: "forbidden", message: "Cross-site requests are not allowed." });
      const params = await context.params;
      refuseUnsafeInput({ value: params });
      const user = await getCurrentUser();
      const ctx: RequestContext = { actor: user ? { userId: user.id, email: user.email } : null, requestId };
      return jsonResponse(await handler({ req, params, user, ctx }), requestId);
    } catch (error) {
      return errorResponse(error, req, requestId);
    }
  };
}

// Studio and API answers carry account and project data: no browser or proxy may keep them
// unless the handler chose otherwise (e.g. the served prompt's "private, no-cache" with an ETag).
const NO_STORE = "no-store";

/** A handler's result as the response: a Response as it is, anything else as JSON; with the request id. */
export function jsonResponse(result: unknown, requestId: string): Response {
  const response = result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
  response.headers.set("x-request-id", requestId);
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", NO_STORE);
  return response;
}

/** The one error path: AppError → its status; ZodError → 422; anything else → logged 500 with no internals. */
export function errorResponse(error: unknown, req: NextRequest, requestId: string): Response {
  const appError = toAppError(error);
  if (appError.status >= 500) log.error("request failed", { requestId, method: req.method, path: redactPath(req.nextUrl.pathname), error });
  return NextResponse.json(errorBody(appError, requestId), { status: appError.status, headers: { "x-request-id": requestId, "cache-control": NO_STORE, ...appError.headers } });
}

/**
 * Parses a JSON body with a zod schema; bad JSON is a 400, a bad shape a 422 naming each field.
 * Text PostgreSQL cannot store and too-deep nesting are 422s before the schema runs.
 */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let text = "";
  try {
    text = await req.text();
  } catch {
    // A body that cannot be read (the client went away) is no JSON either: JSON.parse refuses "".
  }
  refuseDeepJson({ text });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError({ code: "bad_request", message: "The request body must be JSON." });
  }
  refuseUnsafeInput({ value: body });
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** Parses the query string with a zod schema; a 422 names each bad parameter (NUL bytes included). */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  refuseUnsafeInput({ value: query });
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

export function requireUser(user: CurrentUser | null): CurrentUser {
  if (!user) throw new AppError({ code: "unauthenticated", message: "Sign in to continue." });
  return user;
}
