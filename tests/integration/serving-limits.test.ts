// The serving API under abuse and failure, over real HTTP (the hot-path handler the custom server
// mounts before Next.js) on each database: a fan-out of references is refused quickly with 422
// (and at save time), included prompts keep their defaults, the answer cache is bounded by bytes,
// JSON answers carry nosniff and a CSP, and on PostgreSQL a database outage is answered from the
// cache (stale) or with 503.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { generationOf, servingCacheBytes, servingCacheEnabled } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { notifyServingChange } from "@/lib/db/notify-serving-change";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { insertVersion } from "@/lib/prompts/insert-version";
import { parseStoredContent } from "@/lib/prompts/parse-stored-content";
import { saveVersion } from "@/lib/prompts/save-version";
import { renderForRun } from "@/lib/runs/render-for-run";
import { seedDemo } from "@/lib/seed/seed-demo";
import { getCachedServedPrompt } from "@/lib/serving/get-served-prompt";
import { renderServedPrompt } from "@/lib/serving/render-served-prompt";
import { startServingListener } from "@/lib/serving/start-serving-listener";
import type { PromptContent } from "@/lib/validations/prompt";

import { ctxFor, makeProject, placeVersion, startHotPathServer } from "./helpers";

// Small enough that a few answers of ~60 KB overflow it (read once, by getEnv, in this process).
const CACHE_BYTES = 256 * 1024;
const saved = { cache: process.env.GALLEY_SERVING_CACHE_BYTES, rate: process.env.GALLEY_API_RATE_LIMIT };
process.env.GALLEY_SERVING_CACHE_BYTES = String(CACHE_BYTES);
process.env.GALLEY_API_RATE_LIMIT = "1000";
const restore = (name: string, value: string | undefined) =>
  value === undefined ? delete process.env[name] : (process.env[name] = value);

const kind = process.env.GALLEY_TEST_DB;
const waitFor = async (what: string, check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check(), what).toBe(true);
};

describe(`serving limits and failures on ${kind}`, () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let server: Awaited<ReturnType<typeof startHotPathServer>>;
  let base: string;
  let stopListener: () => Promise<void>;
  let secret: string;
  let demoSecret: string;
  let demoProjectId: string;
  const owner = () => fixture.members[0]!.user;
  const ctx = () => ctxFor(owner());
  const get = (path: string, auth = secret, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${auth}`, ...headers } });
  const text = (template: string): PromptContent => ({ template, contract: { variables: [] }, modelConfig: {} });

  /** A prompt with one version deployed to production, written as a database from before the bounds holds it. */
  async function legacyPrompt(name: string, template: string) {
    const prompt = await createPrompt({
      ctx: ctx(),
      projectId: fixture.project.id,
      input: { name, type: "TEXT", description: "", tags: [] },
    });
    await db.$transaction((tx) =>
      insertVersion({
        tx,
        promptId: prompt.id,
        number: 1,
        content: text(template),
        parent: null,
        message: "v1",
        authorId: owner().id,
      }),
    );
    await placeVersion({
      projectId: fixture.project.id,
      promptId: prompt.id,
      slug: "production",
      version: 1,
      by: owner(),
    });
    return prompt;
  }

  beforeAll(async () => {
    await applyMigrations();
    stopListener = startServingListener();
    fixture = await makeProject(["OWNER"]);
    const newKey = async (projectId: string) =>
      (
        await createApiKey({
          ctx: ctx(),
          projectId,
          creator: { id: owner().id, name: owner().name },
          input: { name: "test", scopes: ["prompts:read"], expiresAt: null },
        })
      ).secret;
    secret = await newKey(fixture.project.id);
    await seedDemo();
    demoProjectId = (await db.project.findUniqueOrThrow({ where: { slug: "acme-support" } })).id;
    demoSecret = await newKey(demoProjectId);
    // The review's attack: eight templates of < 160 bytes, each including the next ten times.
    for (let i = 8; i >= 1; i--)
      await legacyPrompt(
        `fan/t${i}`,
        i === 8 ? `Leaf text ${"x".repeat(140)}` : Array.from({ length: 10 }, () => `{{> fan/t${i + 1}}}`).join("\n"),
      );
    server = await startHotPathServer();
    base = server.base;
    await waitFor("the serving cache is on", servingCacheEnabled);
  });
  afterAll(async () => {
    await server.close();
    await stopListener();
    // A worker may run other files next: they get the configuration they expect.
    restore("GALLEY_SERVING_CACHE_BYTES", saved.cache);
    restore("GALLEY_API_RATE_LIMIT", saved.rate);
  });

  it("answers a fan-out of references with 422 template_too_large naming the chain, and renders it no further", async () => {
    const res = await get("/api/prompts/fan/t1");
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; message: string; details: { chain: string[]; limit: string } };
    };
    expect(body.error.code).toBe("template_too_large");
    expect(body.error.message).toMatch(
      /^fan\/t1 v1: The resolved template would be larger than 1 MB \(at fan\/t1 → fan\/t2 → fan\/t3 → fan\/t4 → fan\/t5/,
    );
    expect(body.error.details).toMatchObject({
      limit: "bytes",
      chain: ["fan/t1", "fan/t2", "fan/t3", "fan/t4", "fan/t5", "fan/t6", "fan/t7", "fan/t8"],
    });
    // Repeating the request repeats nothing: the refusal is kept like any answer until a deployment.
    expect(
      getCachedServedPrompt({ projectId: fixture.project.id, name: "fan/t1", query: { resolve: true } })?.status,
    ).toBe(422);
    expect((await get("/api/prompts/fan/t1")).status).toBe(422);
    // Unresolved, the template is small and served as it is.
    expect((await get("/api/prompts/fan/t1?resolve=false")).status).toBe(200);
    await expect(
      renderServedPrompt({ projectId: fixture.project.id, name: "fan/t2", selector: {}, variables: {}, strict: false }),
    ).rejects.toMatchObject({
      code: "template_too_large",
      status: 422,
      details: { chain: expect.arrayContaining(["fan/t2", "fan/t3"]) },
    });
    // The playground renders the editor's text through the same bound.
    await expect(
      renderForRun({
        projectId: fixture.project.id,
        promptName: "fan/draft",
        content: { template: "{{> fan/t2}}", contract: { variables: [] }, modelConfig: {} },
        values: {},
      }),
    ).rejects.toMatchObject({ code: "template_too_large", status: 422 });
  });

  it("refuses to save a version whose references fan out, with the chain in the editor's field message", async () => {
    const prompt = await createPrompt({
      ctx: ctx(),
      projectId: fixture.project.id,
      input: { name: "fan/new", type: "TEXT", description: "", tags: [] },
    });
    const save = (template: string) =>
      saveVersion({
        ctx: ctx(),
        projectId: fixture.project.id,
        promptId: prompt.id,
        authorId: owner().id,
        baseVersion: 0,
        message: "v1",
        content: text(template),
      });
    const refused = await save("Intro\n{{> fan/t3}}").then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "template_too_large", status: 422 });
    const issues = (refused as { details: { issues: Array<{ path: string; message: string }> } }).details.issues;
    expect(issues).toEqual([
      {
        path: "content.template",
        code: "output_too_large",
        message: expect.stringMatching(
          /^The resolved template would be larger than 1 MB \(at fan\/new → fan\/t3 → fan\/t4/,
        ),
      },
    ]);
    // An empty leaf gives no text but 10^7 copies of work: refused too.
    await legacyPrompt("fan/empty", "");
    await legacyPrompt("fan/wide", Array.from({ length: 10 }, () => "{{> fan/empty}}").join(""));
    for (let level = 0; level < 3; level++)
      await legacyPrompt(
        `fan/wide${level}`,
        Array.from({ length: 100 }, () => `{{> fan/${level ? `wide${level - 1}` : "wide"}}}`).join(""),
      );
    await expect(save("{{> fan/wide2}}")).rejects.toMatchObject({
      code: "template_too_large",
      details: { limit: "steps" },
    });
    // A version within the bounds saves.
    expect((await save("{{> fan/t6}}")).number).toBe(1);
    // Its own text counts too: two messages of 600 KB are one prompt of 1.2 MB, whatever each message may be.
    const chat = await createPrompt({
      ctx: ctx(),
      projectId: fixture.project.id,
      input: { name: "fan/chat", type: "CHAT", description: "", tags: [] },
    });
    const half = "w".repeat(600 * 1024);
    await expect(
      saveVersion({
        ctx: ctx(),
        projectId: fixture.project.id,
        promptId: chat.id,
        authorId: owner().id,
        baseVersion: 0,
        message: "v1",
        content: {
          messages: [
            { role: "system", content: half },
            { role: "user", content: half },
          ],
          contract: { variables: [] },
          modelConfig: {},
        },
      }),
    ).rejects.toMatchObject({
      code: "template_too_large",
      message: "The text is 1.17 MB, more than the 1 MB a prompt may grow to (GALLEY_MAX_RESOLVED_BYTES): shorten it.",
    });
  });

  it("renders an included prompt with its own defaults through /render, GET (what the SDK renders) and the playground", async () => {
    const rendered = await renderServedPrompt({
      projectId: demoProjectId,
      name: "support/refund-reply",
      selector: {},
      variables: { policy: "30 days", question: "Refund?" },
      strict: true,
    });
    const system = rendered.messages[0]!.content as string;
    expect(system).toMatch(/End with:\nKind regards,\nThe Acme team, Acme Support$/);
    const named = await renderServedPrompt({
      projectId: demoProjectId,
      name: "support/refund-reply",
      selector: {},
      variables: { policy: "30 days", question: "Refund?", agent_name: "Ana" },
      strict: true,
    });
    expect(named.messages[0]!.content).toMatch(/Kind regards,\nAna, Acme Support$/);

    const served = (await (await get("/api/prompts/support/refund-reply", demoSecret)).json()) as {
      contract: { variables: Array<{ name: string; default?: unknown; required: boolean }> };
    };
    expect(served.contract.variables).toContainEqual({
      name: "agent_name",
      type: "string",
      required: false,
      default: "The Acme team",
    });

    const version = await db.promptVersion.findFirstOrThrow({
      where: { prompt: { projectId: demoProjectId, name: "support/refund-reply" } },
      orderBy: { number: "desc" },
    });
    const messages = await renderForRun({
      projectId: demoProjectId,
      promptName: "support/refund-reply",
      content: parseStoredContent({
        stored: { messages: version.messages, contract: version.contract, modelConfig: {} },
        row: "support/refund-reply",
      }),
      values: { policy: "30 days", question: "Refund?" },
    });
    expect(messages[0]!.content).toBe(system);
  });

  it("sends nosniff and a restrictive CSP with every hot-path answer: 200, 304 and errors", async () => {
    const ok = await get("/api/prompts/fan/t8");
    const notModified = await get("/api/prompts/fan/t8", secret, { "if-none-match": ok.headers.get("etag")! });
    const missing = await get("/api/prompts/fan/none");
    expect([ok.status, notModified.status, missing.status]).toEqual([200, 304, 404]);
    for (const res of [ok, notModified, missing]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it("keeps the answer cache within GALLEY_SERVING_CACHE_BYTES, dropping the least recently used", async () => {
    const names = [0, 1, 2, 3, 4].map((i) => `big/p${i}`);
    // Deploying clears the project's answers, so every prompt is in place before the first read.
    for (const name of [...names, "big/p5"]) await legacyPrompt(name, `${name} ${"y".repeat(30_000)}`);
    // On PostgreSQL each deploy's NOTIFY comes back to this instance and clears the project's answers
    // again, later under load: wait for a marker sent after them (delivered in commit order).
    if (kind === "postgres") {
      const marker = `marker-${fixture.project.id}`;
      const before = generationOf(marker);
      await db.$transaction((tx) => notifyServingChange({ tx, kind: "prompts", projectId: marker }));
      await expect.poll(() => generationOf(marker), { timeout: 10_000 }).toBeGreaterThan(before);
    }
    for (const name of names) expect((await get(`/api/prompts/${name}`)).status).toBe(200);
    const cached = (name: string) =>
      getCachedServedPrompt({ projectId: fixture.project.id, name, query: { resolve: true } }) !== undefined;
    expect(servingCacheBytes()).toBeLessThanOrEqual(CACHE_BYTES);
    // Each answer counts ~61 KB (two bytes a character, plus overhead): four fit, the first went.
    expect(names.map(cached)).toEqual([false, true, true, true, true]);
    // A hit makes an answer recent: p1 survives the next arrival, p2 goes.
    await get("/api/prompts/big/p1");
    await get("/api/prompts/big/p5");
    expect(["big/p1", "big/p2", "big/p3", "big/p4", "big/p5"].map(cached)).toEqual([true, false, true, true, true]);
    expect(servingCacheBytes()).toBeLessThanOrEqual(CACHE_BYTES);
  });

  // Only PostgreSQL is a server that can go away; PGlite lives in this process.
  if (kind === "postgres") {
    it("answers from the cache, marked stale, while PostgreSQL is unreachable, and 503 with the error JSON when it has nothing", async () => {
      const fresh = await get("/api/prompts/fan/t7");
      expect(fresh.status).toBe(200);
      const freshBody = await fresh.text();
      expect(fresh.headers.get("galley-stale")).toBeNull();

      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const name = process.env.TEST_DATABASE_NAME!;
      try {
        // The outage: the database refuses new connections and every open one is cut, the listener's too.
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [name],
        );
        await waitFor("the listener noticed", () => !servingCacheEnabled());

        const stale = await get("/api/prompts/fan/t7");
        expect(stale.status).toBe(200);
        expect(stale.headers.get("galley-stale")).toBe("1");
        expect(stale.headers.get("warning")).toBe('110 - "Response is Stale"');
        expect(await stale.text()).toBe(freshBody);

        const none = await get("/api/prompts/fan/t6");
        expect(none.status).toBe(503);
        expect(none.headers.get("retry-after")).toBe("5");
        expect(none.headers.get("content-type")).toMatch(/^application\/json/);
        expect(await none.json()).toMatchObject({
          error: {
            code: "unavailable",
            message: expect.stringMatching(/cannot be reached/),
            requestId: "test-request",
          },
        });
      } finally {
        await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      await waitFor("the listener is back", servingCacheEnabled);
      const back = await get("/api/prompts/fan/t7");
      expect(back.status).toBe(200);
      expect(back.headers.get("galley-stale")).toBeNull();
      expect((await get("/api/prompts/fan/t6")).status).toBe(200);
    });
  }
});
