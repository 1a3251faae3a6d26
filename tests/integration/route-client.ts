// Calls the app's own route handlers in-process, inside the request scope Next.js gives them in the
// server (so next/headers, and with it next-auth's session, work), signed in through the real
// next-auth credentials flow. Tests reach the handlers exactly as a browser would, without a build.
import "./next-runtime";

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { NextRequest } from "next/server";

import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

const require = createRequire(import.meta.url);
// Next's own request-scope stores: the same module instances next/headers reads from.
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external") as {
  workAsyncStorage: { run<T>(store: unknown, fn: () => T): T };
};
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external") as {
  workUnitAsyncStorage: { run<T>(store: unknown, fn: () => T): T };
};
const { createRequestStoreForAPI } = require("next/dist/server/async-storage/request-store") as {
  createRequestStoreForAPI: (
    req: { headers: Headers },
    url: { pathname: string; search: string },
    implicitTags: unknown,
    onUpdateCookies: undefined,
    previewProps: unknown,
  ) => unknown;
};

const ORIGIN = "http://galley.test";
const appDir = path.resolve(__dirname, "../../app");

type Handler = (req: NextRequest, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** Every `app/api/**\/route.ts` (path from app/, e.g. "api/projects/[project]/route.ts") exporting `method`. */
export function routesExporting(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        entry.name === "route.ts" &&
        new RegExp(`export (const|async function|function) ${method}\\b|export \\{[^}]*\\b${method}\\b`).test(
          fs.readFileSync(full, "utf8"),
        )
      ) {
        found.push(path.relative(appDir, full).split(path.sep).join("/"));
      }
    }
  };
  walk(path.join(appDir, "api"));
  return found.sort();
}

/** Fills a route file's [segments] from params: "api/projects/[project]/route.ts" → "/api/projects/acme". */
function urlPath(route: string, params: Record<string, string | string[]>): string {
  return `/${route.replace(/\/route\.ts$/, "")}`.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route} needs the path parameter "${name}".`);
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}

/** `raw` is a JSON body sent as the text given, for bodies JSON.stringify cannot make (deep nesting, 1e400). */
export type RouteCall = {
  method: string;
  params?: Record<string, string | string[]>;
  body?: unknown;
  raw?: string;
  form?: Record<string, string>;
  cookie?: string;
  headers?: Record<string, string>;
  search?: string;
};

/** Runs one route handler as the server would for this request, and returns its Response. */
export async function callRoute(route: string, call: RouteCall): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ path.join(appDir, route))) as Record<string, Handler | undefined>;
  const handler = mod[call.method];
  if (!handler) throw new Error(`${route} exports no ${call.method}.`);
  const url = new URL(`${urlPath(route, call.params ?? {})}${call.search ?? ""}`, ORIGIN);
  const headers = new Headers({ ...call.headers, host: url.host });
  if (call.cookie) headers.set("cookie", call.cookie);
  let body: string | undefined;
  if (call.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(call.form).toString();
  } else if (call.raw !== undefined || call.body !== undefined) {
    headers.set("content-type", "application/json");
    body = call.raw ?? JSON.stringify(call.body);
  }
  const req = new NextRequest(url, { method: call.method, headers, body });
  // As Next.js does: a route without [segments] gets no params at all (apiRoute once crashed on that).
  const params = route.includes("[") ? Promise.resolve(call.params ?? {}) : (undefined as never);
  return runInRequestScope(req, route, () => handler(req, { params }));
}

/** Runs `fn` (a route handler, or a page's component) inside the request scope Next.js gives `req` for the file `route`. */
export function runInRequestScope<T>(req: NextRequest, route: string, fn: () => T): T {
  const workStore = {
    route: `/${route.replace(/\/(route|page)\.tsx?$/, "")}`,
    page: `/${route}`,
    forceStatic: false,
    dynamicShouldError: false,
    isStaticGeneration: false,
  };
  const requestStore = createRequestStoreForAPI(
    req,
    { pathname: req.nextUrl.pathname, search: req.nextUrl.search },
    { tags: [], expirationsByCacheKind: new Map() },
    undefined,
    undefined,
  );
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/**
 * Gives the user a password and signs in through /api/auth/callback/credentials, as the login
 * form does; returns the Cookie header of the signed-in session.
 */
export async function signInAs(user: { id: string; email: string }): Promise<string> {
  const password = `pw-${user.id}-correct-horse-battery`;
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  const route = "api/auth/[...nextauth]/route.ts";
  const csrf = await callRoute(route, { method: "GET", params: { nextauth: ["csrf"] } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf).join("; ");
  const res = await callRoute(route, {
    method: "POST",
    params: { nextauth: ["callback", "credentials"] },
    cookie: jar,
    form: { csrfToken, email: user.email, password, json: "true", callbackUrl: ORIGIN },
  });
  const session = cookiesOf(res).find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`Signing in ${user.email} failed: ${res.status} ${await res.text()}`);
  return [jar, session].join("; ");
}
