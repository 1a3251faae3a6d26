import "server-only";

import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";

import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/api-keys/authenticate-api-key";
import { takeTokenOrThrow } from "@/lib/api-keys/rate-limit";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/get-current-user";
import { scopeFor, type Action, type Actor, type ProjectRole } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { db } from "@/lib/db";
import { AppError, errorBody, fromZodError, toAppError } from "@/lib/errors";
import { isCrossSiteWrite } from "@/lib/http/is-cross-site-write";
import { redactPath } from "@/lib/http/redact-path";
import { refuseDeepJson } from "@/lib/http/refuse-deep-json";
import { refuseUnsafeInput } from "@/lib/http/refuse-unsafe-input";
import { requestIdOf } from "@/lib/http/request-id";
import { log } from "@/lib/log";
import type { RequestContext } from "@/lib/request-context";

/** A route's path parameters, read off its path: "[id]" → string, "[...name]" → string[]. */
export type RouteParams<R extends string> = R extends `${infer Head}/${infer Rest}`
  ? ParamOf<Head> & RouteParams<Rest>
  : ParamOf<R>;
type ParamOf<S extends string> = S extends `[[...${infer N}]]`
  ? { [K in N]?: string[] }
  : S extends `[...${infer N}]`
    ? { [K in N]: string[] }
    : S extends `[${infer N}]`
      ? { [K in N]: string }
      : unknown;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * How a route is reached, declared beside it (tests read these: every handler declares one, and the
 * permission matrix takes each route's action from here instead of retyping it):
 * - "public": anyone (sign-up, health); no session is read, so these answer even when the database cannot;
 * - "user": a signed-in user, no project;
 * - "session": a member of the URL's project whose role allows `action`;
 * - "api-key": an API key (Bearer) whose scopes allow `action`, on the key's own project, rate limited.
 */
export type RouteDeclaration = { route: string; auth: "public" | "user" | "session" | "api-key"; action?: Action };

/** Who the request acts as, in which project: a member (session routes) or an API key (key routes). */
export type ProjectAccess = MemberAccess | KeyAccess;
type ProjectRef = { id: string; slug: string; name: string };
export type MemberAccess = {
  project: ProjectRef;
  actor: Actor;
  member: { user: CurrentUser; role: ProjectRole };
  key: null;
};
export type KeyAccess = { project: ProjectRef; actor: Actor; member: null; key: ApiKeyIdentity };

type Input<R extends string, B, Q> = {
  req: NextRequest;
  params: RouteParams<R>;
  ctx: RequestContext;
  body: Parsed<B>;
  query: Parsed<Q>;
};
/** Routes that authenticate always know who acts (for audit entries). */
type Authenticated = { ctx: RequestContext & { actor: NonNullable<RequestContext["actor"]> } };
type Options<R extends string, B, Q> = { route: R; body?: B; query?: Q };
type Handler<A> = (args: A) => Promise<unknown>;

export type RouteHandler<R extends string> = ((
  req: NextRequest,
  context: { params: Promise<RouteParams<R>> },
) => Promise<Response>) & { declared: RouteDeclaration };

/**
 * The one route wrapper. It gives the request an id, refuses cross-site writes, authenticates as the
 * options declare (session or API key), checks the declared permission action, parses the body and
 * query with the named schemas, and hands the handler typed input. Errors take the one error path
 * (AppError → its status; ZodError → 422; anything else → logged 500 with no internals). The handler
 * returns a Response or a value to send as JSON.
 */
export function apiRoute<
  R extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(options: Options<R, B, Q> & { auth: "public" }, handler: Handler<Input<R, B, Q>>): RouteHandler<R>;
export function apiRoute<
  R extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  options: Options<R, B, Q> & { auth: "user" },
  handler: Handler<Input<R, B, Q> & Authenticated & { user: CurrentUser }>,
): RouteHandler<R>;
export function apiRoute<
  R extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  options: Options<R, B, Q> & { auth?: "session"; action: Action },
  handler: Handler<Input<R, B, Q> & Authenticated & { access: MemberAccess }>,
): RouteHandler<R>;
export function apiRoute<
  R extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(
  options: Options<R, B, Q> & { auth: "api-key"; action: Action },
  handler: Handler<Input<R, B, Q> & Authenticated & { access: KeyAccess }>,
): RouteHandler<R>;
export function apiRoute(
  options: Options<string, z.ZodType | undefined, z.ZodType | undefined> & {
    auth?: RouteDeclaration["auth"];
    action?: Action;
  },
  handler: Handler<never>,
): RouteHandler<string> {
  // The overloads above tie each handler's arguments to its declaration; here they are built for all kinds at once.
  const run = handler as unknown as Handler<{
    req: NextRequest;
    params: Record<string, string | string[]>;
    ctx: RequestContext;
    body: unknown;
    query: unknown;
    user?: CurrentUser;
    access?: ProjectAccess;
  }>;
  const declared: RouteDeclaration = {
    route: options.route,
    auth: options.auth ?? "session",
    ...(options.action ? { action: options.action } : {}),
  };
  // A key route whose action no scope grants could never be called: say so when the module loads.
  const scope = declared.auth === "api-key" ? scopeFor(declared.action!) : null;
  if (declared.auth === "api-key" && !scope)
    throw new Error(`${declared.route}: no API key scope grants ${declared.action}.`);

  const route = async (req: NextRequest, context: { params: Promise<RouteParams<string>> }): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    try {
      // A Bearer key is no ambient credential a foreign page could ride on, so only session routes refuse cross-site writes.
      if (declared.auth !== "api-key" && isCrossSiteWrite(req))
        throw new AppError({ code: "forbidden", message: "Cross-site requests are not allowed." });
      // A route without dynamic segments (GET /api/prompts, POST /api/evals) gets no params from Next.js.
      const params = ((await context.params) ?? {}) as Record<string, string | string[]>;
      refuseUnsafeInput({ value: params });
      let ctx: RequestContext;
      let who: { user?: CurrentUser; access?: ProjectAccess } = {};
      if (declared.auth === "api-key") {
        const key = await authenticateApiKey(req.headers.get("authorization"), scope!);
        takeTokenOrThrow(key);
        ctx = { actor: { userId: key.createdById, email: `api-key:${key.prefix}` }, requestId };
        who = { access: await keyAccess(key, params.project) };
      } else if (declared.auth === "public") {
        ctx = { actor: null, requestId };
      } else {
        const user = await getCurrentUser();
        ctx = { actor: user ? { userId: user.id, email: user.email } : null, requestId };
        who =
          declared.auth === "user"
            ? { user: requireUser(user) }
            : { access: await memberAccess(user, params.project, declared.action!) };
      }
      const body = options.body ? await parseBody(req, options.body) : undefined;
      const query = options.query ? parseQuery(req, options.query) : undefined;
      return jsonResponse(await run({ req, params, ctx, body, query, ...who }), requestId);
    } catch (error) {
      return errorResponse(error, req, requestId);
    }
  };
  return Object.assign(route, { declared });
}

async function memberAccess(
  user: CurrentUser | null,
  projectSlug: string | string[] | undefined,
  action: Action,
): Promise<MemberAccess> {
  if (typeof projectSlug !== "string") throw new Error("A session route with an action needs a [project] segment.");
  const access = await requireProjectPermission({ user, projectSlug, action });
  return {
    project: access.project,
    actor: { id: access.user.id, name: access.user.name, role: access.role },
    member: { user: access.user, role: access.role },
    key: null,
  };
}

// A key belongs to one project; a URL naming another one is answered as if it did not exist.
async function keyAccess(key: ApiKeyIdentity, projectSlug: string | string[] | undefined): Promise<KeyAccess> {
  const project = await db.project.findUnique({
    where: { id: key.projectId },
    select: { id: true, slug: true, name: true },
  });
  if (!project || (typeof projectSlug === "string" && projectSlug !== project.slug))
    throw new AppError({ code: "not_found", message: "This key's project no longer exists." });
  return {
    project,
    actor: { id: key.createdById, name: `API key ${key.name}`, scopes: key.scopes },
    member: null,
    key,
  };
}

/**
 * One path, several handlers chosen by its last segment (POST /api/prompts/{name}/render and
 * …/versions share the catch-all route, as Next.js allows nothing after one). Each handler keeps its
 * own declaration; the path without a known last segment is a 404 naming the choices.
 */
export function bySuffix<R extends string>(
  handlers: Record<string, RouteHandler<R>>,
  param: keyof RouteParams<R> & string,
) {
  const route = async (req: NextRequest, context: { params: Promise<RouteParams<R>> }): Promise<Response> => {
    const segments = (await context.params)[param] as unknown as string[];
    const handler = segments.length > 1 ? handlers[segments[segments.length - 1]!] : undefined;
    if (!handler) {
      const choices = Object.keys(handlers)
        .map((s) => `{${param}}/${s}`)
        .join(" or ");
      return errorResponse(
        new AppError({ code: "not_found", message: `${req.method} ${choices}.` }),
        req,
        requestIdOf(req.headers),
      );
    }
    return handler(req, context);
  };
  return Object.assign(route, { variants: handlers });
}

// Studio and API answers carry account and project data: no browser or proxy may keep them
// unless the handler chose otherwise (e.g. an export file's own headers).
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
  if (appError.status >= 500)
    log.error("request failed", { requestId, method: req.method, path: redactPath(req.nextUrl.pathname), error });
  return NextResponse.json(errorBody(appError, requestId), {
    status: appError.status,
    headers: { "x-request-id": requestId, "cache-control": NO_STORE, ...appError.headers },
  });
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

function requireUser(user: CurrentUser | null): CurrentUser {
  if (!user) throw new AppError({ code: "unauthenticated", message: "Sign in to continue." });
  return user;
}
