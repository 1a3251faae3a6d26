// Every route handler declares how it is reached (lib/http/api-route.ts): public, signed-in user,
// project member with a permission action, or API key with a permission action. This file reads
// those declarations instead of retyping them: each route is found on disk, its declaration must
// name its own path, and each declared action is tried through the real handler by every role (and
// by API keys of each scope) against the independent table in permission-table.ts.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { roles, type ProjectRole } from "@/lib/auth/permissions";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import type { RouteDeclaration } from "@/lib/http/api-route";

import { ctxFor, makeProject } from "./helpers";
import { lowestRole } from "./permission-table";
import { callRoute, routesExporting, signInAs } from "./route-client";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Declared = { declared?: RouteDeclaration; variants?: Record<string, { declared: RouteDeclaration }> };
type Entry = { file: string; method: (typeof METHODS)[number]; variant?: string; declared: RouteDeclaration };

// next-auth's own handler is the only route outside the wrapper: it is the sign-in itself.
const UNWRAPPED = new Set(["api/auth/[...nextauth]/route.ts"]);
// What anyone may call; a route joining this list is a decision to make here, on purpose.
const PUBLIC = ["GET api/health/route.ts", "GET api/openapi.json/route.ts", "POST api/signup/route.ts"];

async function declaredRoutes(): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const method of METHODS) {
    for (const file of routesExporting(method)) {
      if (UNWRAPPED.has(file)) continue;
      const mod = (await import(/* @vite-ignore */ path.resolve(__dirname, "../../app", file))) as Record<
        string,
        Declared
      >;
      const handler = mod[method]!;
      if (handler.variants)
        for (const [variant, h] of Object.entries(handler.variants))
          entries.push({ file, method, variant, declared: h.declared });
      else entries.push({ file, method, declared: handler.declared! });
    }
  }
  return entries;
}

const rank = (r: ProjectRole) => roles.length - roles.indexOf(r);
// The fixture's project, and made-up ids for everything else in the path.
const paramsFor = (file: string, projectSlug: string): Record<string, string | string[]> =>
  Object.fromEntries(
    [...file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map(([, rest, name]) => [
      name!,
      name === "project" ? projectSlug : rest ? ["no", "such", "prompt"] : name === "number" ? "999999" : "no-such-id",
    ]),
  );

describe("route declarations", () => {
  let entries: Entry[];
  beforeAll(async () => {
    entries = await declaredRoutes();
  });

  it("every route handler declares how it is reached, under its own path", () => {
    expect(entries.length).toBeGreaterThan(60);
    for (const e of entries) {
      expect(e.declared, `${e.method} ${e.file}`).toBeDefined();
      expect(`${e.declared.route.slice(1)}/route.ts`, `${e.method} ${e.file}`).toBe(e.file);
      expect(
        e.declared.auth === "public" || e.declared.auth === "user" || e.declared.action !== undefined,
        `${e.method} ${e.file} names no action`,
      ).toBe(true);
    }
  });

  // The matrix below trusts each declaration; this listing makes a changed one show in review.
  it("who may call what, as declared (update with `vitest -u` when a change is meant)", async () => {
    const lines = entries.map(
      (e) =>
        `${e.method} ${e.declared.route}${e.variant ? `/…/${e.variant}` : ""}: ${e.declared.auth}${e.declared.action ? ` ${e.declared.action}` : ""}`,
    );
    await expect(lines.sort().join("\n") + "\n").toMatchFileSnapshot("./route-access.snapshot.txt");
  });

  it("only the routes meant for anyone are public", () => {
    expect(
      entries
        .filter((e) => e.declared.auth === "public")
        .map((e) => `${e.method} ${e.file}`)
        .sort(),
    ).toEqual(PUBLIC);
  });

  it("API keys reach only the application routes under /api/prompts, Langfuse's /api/public and CI's /api/evals", () => {
    for (const e of entries)
      expect(e.declared.auth === "api-key", `${e.method} ${e.file}`).toBe(
        e.file.startsWith("api/prompts/") || e.file.startsWith("api/public/") || e.file.startsWith("api/evals/"),
      );
  });
});

describe("each route's declared action, by every role and key", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  const cookies = new Map<ProjectRole, string>();
  const keys = new Map<string, string>();
  let entries: Entry[];

  beforeAll(async () => {
    await applyMigrations();
    entries = await declaredRoutes();
    fixture = await makeProject([...roles]);
    for (const m of fixture.members) cookies.set(m.role, await signInAs(m.user));
    const owner = fixture.members.find((m) => m.role === "OWNER")!.user;
    for (const scope of ["prompts:read", "prompts:write"] as const) {
      const made = await createApiKey({
        ctx: ctxFor(owner),
        projectId: fixture.project.id,
        creator: owner,
        input: { name: scope, scopes: [scope], expiresAt: null },
      });
      keys.set(scope, made.secret);
    }
  }, 120_000);

  // Bodies are left out on purpose: the permission check comes first, and a role that passes it
  // stops at "the request body must be JSON" (or a 404 for the made-up ids) without changing anything.
  const outcome = async (e: Entry, headers: Record<string, string>) => {
    const params = paramsFor(e.file, fixture.project.slug);
    if (e.variant) params.name = [...(params.name as string[]), e.variant];
    const res = await callRoute(e.file, { method: e.method, params, headers });
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; details?: { action?: string } } };
    return res.status === 403 && body.error?.code === "forbidden"
      ? "forbidden"
      : res.status === 401
        ? "unauthenticated"
        : "allowed";
  };

  it("members: exactly the roles the table allows get past each session route's check", async () => {
    const problems: string[] = [];
    for (const e of entries.filter((x) => x.declared.auth === "session")) {
      for (const role of roles) {
        const expected = rank(role) >= rank(lowestRole[e.declared.action!]) ? "allowed" : "forbidden";
        const got = await outcome(e, { cookie: cookies.get(role)! });
        if (got !== expected)
          problems.push(`${role} ${e.method} ${e.file} (${e.declared.action}): ${got}, expected ${expected}`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("signed-out callers are asked to sign in on every route that is not public", async () => {
    const problems: string[] = [];
    for (const e of entries.filter((x) => x.declared.auth === "session" || x.declared.auth === "user")) {
      const got = await outcome(e, {});
      if (got !== "unauthenticated") problems.push(`${e.method} ${e.file}: ${got}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("API keys: a key gets past a key route's check exactly when one of its scopes grants the declared action", async () => {
    const grants: Record<string, string[]> = {
      "prompts:read": ["prompt.view"],
      "prompts:write": ["prompt.edit", "deployment.unprotected"],
    };
    const problems: string[] = [];
    for (const e of entries.filter((x) => x.declared.auth === "api-key")) {
      for (const [scope, secret] of keys) {
        const expected = grants[scope]!.includes(e.declared.action!) ? "allowed" : "forbidden";
        const got = await outcome(e, { authorization: `Bearer ${secret}` });
        if (got !== expected)
          problems.push(
            `${scope} ${e.method} ${e.file} ${e.variant ?? ""} (${e.declared.action}): ${got}, expected ${expected}`,
          );
      }
      const anonymous = await outcome(e, {});
      if (anonymous !== "unauthenticated")
        problems.push(`no key ${e.method} ${e.file} ${e.variant ?? ""}: ${anonymous}`);
      // A session is no API key: the studio's cookie does not open the application routes.
      const withCookie = await outcome(e, { cookie: cookies.get("OWNER")! });
      if (withCookie !== "unauthenticated")
        problems.push(`session cookie ${e.method} ${e.file} ${e.variant ?? ""}: ${withCookie}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
