// The application-facing API over real HTTP: the hot-path handler the custom server mounts before
// Next.js, on each database, with the PostgreSQL listener running as in the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { servingCacheEnabled } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { getEnv } from "@/lib/env";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { updatePrompt } from "@/lib/prompts/update-prompt";
import { createVersionFromApi } from "@/lib/serving/create-version-from-api";
import { renderServedPrompt } from "@/lib/serving/render-served-prompt";
import { startServingListener } from "@/lib/serving/start-serving-listener";
import type { ApiKeyScope } from "@/lib/validations/api-key";

import { ctxFor, makeProject, placeVersion, startHotPathServer } from "./helpers";

process.env.GALLEY_API_RATE_LIMIT = "50";

describe("serving /api/prompts", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let other: Awaited<ReturnType<typeof makeProject>>;
  let server: Awaited<ReturnType<typeof startHotPathServer>>;
  let base: string;
  let stopListener: () => Promise<void>;
  let secret: string;
  const owner = () => fixture.members[0]!.user;
  const ctx = () => ctxFor(owner());
  const key = async (projectId: string, scopes: ApiKeyScope[] = ["prompts:read"], expiresAt: string | null = null) =>
    (
      await createApiKey({
        ctx: ctx(),
        projectId,
        creator: { id: owner().id, name: owner().name },
        input: { name: "test", scopes, expiresAt },
      })
    ).secret;
  const get = (path: string, auth: string | null = secret, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...headers },
      redirect: "manual",
    });
  const save = async (promptId: string, n: number, template: string) =>
    saveVersion({
      ctx: ctx(),
      projectId: fixture.project.id,
      promptId,
      authorId: owner().id,
      baseVersion: n - 1,
      message: `v${n}`,
      content: { template, contract: { variables: [] }, modelConfig: { model: "gpt-4o-mini", temperature: 0.2 } },
    });
  const place = (promptId: string, slug: string, version: number) =>
    placeVersion({ projectId: fixture.project.id, promptId, slug, version, by: owner() });
  let reply: string;

  beforeAll(async () => {
    await applyMigrations();
    stopListener = startServingListener();
    fixture = await makeProject(["OWNER"]);
    other = await makeProject(["OWNER"]);
    const tone = await createPrompt({
      ctx: ctx(),
      projectId: fixture.project.id,
      input: { name: "support/tone", type: "TEXT", description: "", tags: [] },
    });
    await save(tone.id, 1, "Be {{tone}}.");
    await place(tone.id, "production", 1);
    await place(tone.id, "development", 1);
    reply = (
      await createPrompt({
        ctx: ctx(),
        projectId: fixture.project.id,
        input: { name: "support/reply", type: "TEXT", description: "", tags: ["support"] },
      })
    ).id;
    await save(reply, 1, "Hello {{name}}. {{> support/tone}}");
    await save(reply, 2, "Hi {{name}}! {{> support/tone}}");
    await place(reply, "production", 1);
    await place(reply, "development", 2);
    secret = await key(fixture.project.id);
    server = await startHotPathServer();
    base = server.base;
    // On PostgreSQL the cache is on only while the listener is connected, as in the server.
    for (let i = 0; i < 100 && !servingCacheEnabled(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(servingCacheEnabled()).toBe(true);
  });
  afterAll(async () => {
    await server.close();
    await stopListener();
  });

  it("answers what production runs, references resolved, with a strong ETag and 304 for a matching If-None-Match", async () => {
    const res = await get("/api/prompts/support/reply");
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(await res.json()).toMatchObject({
      name: "support/reply",
      type: "text",
      version: 1,
      environment: "production",
      template: "Hello {{name}}. Be {{tone}}.",
      resolved: true,
      modelConfig: { model: "gpt-4o-mini" },
    });
    const again = await get("/api/prompts/support/reply", secret, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await get("/api/prompts/support/reply?resolve=false")).status).toBe(200);
    expect(await (await get("/api/prompts/support/reply?resolve=false")).json()).toMatchObject({
      template: "Hello {{name}}. {{> support/tone}}",
      resolved: false,
    });
    expect(await (await get("/api/prompts/support/reply?environment=development")).json()).toMatchObject({
      version: 2,
      environment: "development",
      template: "Hi {{name}}! Be {{tone}}.",
    });
    expect(await (await get("/api/prompts/support/reply?version=2")).json()).toMatchObject({
      version: 2,
      environment: null,
    });
  });

  it("says what is wrong: unknown prompt, environment or version (404), bad query (422), keys of other projects see nothing", async () => {
    const body = async (res: Response) => ({
      status: res.status,
      ...((await res.json()) as { error: { code: string; message: string } }).error,
    });
    expect(await body(await get("/api/prompts/nope"))).toMatchObject({
      status: 404,
      message: 'No prompt named "nope" in this project.',
    });
    expect(await body(await get("/api/prompts/support/reply?environment=qa"))).toMatchObject({
      status: 404,
      message: 'No environment "qa" in this project.',
    });
    expect(await body(await get("/api/prompts/support/reply?version=9"))).toMatchObject({
      status: 404,
      message: "support/reply has no version 9.",
    });
    expect(await body(await get("/api/prompts/support/reply?environment=staging"))).toMatchObject({
      status: 404,
      message: expect.stringMatching(/^Staging does not run support\/reply yet/),
    });
    expect(await body(await get("/api/prompts/support/reply?version=0"))).toMatchObject({
      status: 422,
      code: "validation_failed",
    });
    const otherKey = await key(other.project.id);
    expect(await body(await get("/api/prompts/support/reply", otherKey))).toMatchObject({
      status: 404,
      message: 'No prompt named "support/reply" in this project.',
    });
  });

  it("refuses missing, bad, expired and revoked keys with 401, revocation taking effect at once", async () => {
    expect((await get("/api/prompts/support/reply", null)).status).toBe(401);
    expect((await get("/api/prompts/support/reply", "gk_not-a-real-key-at-all")).status).toBe(401);
    const res = await get("/api/prompts/support/reply", "sk-openai-key");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="galley"');
    const shortLived = await key(fixture.project.id, ["prompts:read"], new Date(Date.now() + 1500).toISOString());
    expect((await get("/api/prompts/support/reply", shortLived)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect(await (await get("/api/prompts/support/reply", shortLived)).json()).toMatchObject({
      error: { message: expect.stringMatching(/expired/) },
    });
    const doomed = await key(fixture.project.id);
    expect((await get("/api/prompts/support/reply", doomed)).status).toBe(200);
    const row = await db.apiKey.findFirstOrThrow({
      where: { projectId: fixture.project.id },
      orderBy: { createdAt: "desc" },
    });
    await revokeApiKey({ ctx: ctx(), projectId: fixture.project.id, keyId: row.id });
    expect(await (await get("/api/prompts/support/reply", doomed)).json()).toMatchObject({
      error: { code: "unauthenticated", message: expect.stringMatching(/was revoked/) },
    });
    await expect(authenticateApiKey(`Bearer ${secret}`, "prompts:write")).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/lacks the prompts:write scope/),
    });
  });

  it("serves a new deployment at once, and answers a renamed prompt's old name with a redirect", async () => {
    expect(await (await get("/api/prompts/support/reply?environment=development")).json()).toMatchObject({
      version: 2,
    });
    const editor = owner();
    await deployVersion({
      ctx: ctx(),
      projectId: fixture.project.id,
      projectSlug: fixture.project.slug,
      actor: { id: editor.id, name: editor.name, role: "OWNER" },
      environmentSlug: "development",
      promptId: reply,
      version: 1,
    });
    expect(await (await get("/api/prompts/support/reply?environment=development")).json()).toMatchObject({
      version: 1,
    });
    // The referenced prompt moving changes the resolved text too.
    const tone = await db.prompt.findFirstOrThrow({ where: { projectId: fixture.project.id, name: "support/tone" } });
    await save(tone.id, 2, "Sound {{tone}}.");
    await deployVersion({
      ctx: ctx(),
      projectId: fixture.project.id,
      projectSlug: fixture.project.slug,
      actor: { id: editor.id, name: editor.name, role: "OWNER" },
      environmentSlug: "development",
      promptId: tone.id,
      version: 2,
    });
    expect(await (await get("/api/prompts/support/reply?environment=development")).json()).toMatchObject({
      template: "Hello {{name}}. Sound {{tone}}.",
    });

    await updatePrompt({
      ctx: ctx(),
      projectId: fixture.project.id,
      promptId: reply,
      changes: { name: "support/answer" },
    });
    const moved = await get("/api/prompts/support/reply?environment=development");
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe("/api/prompts/support/answer?environment=development");
    expect((await get("/api/prompts/support/answer")).status).toBe(200);
  });

  it("limits each key's rate with 429 and Retry-After", async () => {
    const busy = await key(fixture.project.id);
    const rate = getEnv().GALLEY_API_RATE_LIMIT;
    // Bursts of parallel requests until the key is limited: on a loaded machine one burst may take
    // longer than the bucket needs to refill, so how many bursts that takes is not fixed, but how
    // many may succeed in the time they took is (the burst allowance plus the rate per second).
    const statuses: Array<{ status: number; retryAfter: string | null }> = [];
    const started = performance.now();
    for (let burst = 0; burst < 20 && !statuses.some((s) => s.status === 429); burst++) {
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 150 }, () =>
            get("/api/prompts/support/answer", busy).then((r) => ({
              status: r.status,
              retryAfter: r.headers.get("retry-after"),
            })),
          ),
        )),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const limited = statuses.filter((s) => s.status === 429);
    const served = statuses.filter((s) => s.status === 200).length;
    expect(limited.length).toBeGreaterThan(0);
    expect(served).toBeGreaterThanOrEqual(rate * 2 - 1);
    expect(served).toBeLessThanOrEqual(rate * 2 + Math.ceil(rate * seconds));
    expect(served + limited.length).toBe(statuses.length);
    expect(limited[0]!.retryAfter).toBe("1");
  });

  it("renders with variables into messages and OpenAI parameters, listing every contract problem", async () => {
    const tone = await db.prompt.findFirstOrThrow({ where: { projectId: fixture.project.id, name: "support/tone" } });
    await save(tone.id, 3, "Be {{tone}}.");
    const contract = {
      variables: [
        { name: "name", type: "string" as const, required: true },
        { name: "tone", type: "enum" as const, values: ["warm", "formal"], required: true },
      ],
    };
    await saveVersion({
      ctx: ctx(),
      projectId: fixture.project.id,
      promptId: reply,
      authorId: owner().id,
      baseVersion: 2,
      message: "typed",
      content: {
        template: "Hello {{name}} ({{tone}}). {{> support/tone@1}}",
        contract,
        modelConfig: { model: "gpt-4o-mini", maxTokens: 100 },
      },
    });
    const rendered = await renderServedPrompt({
      projectId: fixture.project.id,
      name: "support/answer",
      selector: { version: 3 },
      variables: { name: "Ana", tone: "warm" },
      strict: false,
    });
    expect(rendered).toEqual({
      name: "support/answer",
      version: 3,
      release: null,
      environment: null,
      type: "text",
      text: "Hello Ana (warm). Be warm.",
      messages: [{ role: "user", content: "Hello Ana (warm). Be warm." }],
      model: "gpt-4o-mini",
      max_tokens: 100,
    });
    await expect(
      renderServedPrompt({
        projectId: fixture.project.id,
        name: "support/answer",
        selector: { version: 3 },
        variables: { tone: "rude" },
        strict: false,
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      details: {
        issues: [
          { path: "variables.name", code: "missing_variable" },
          { path: "variables.tone", code: "not_in_enum" },
        ],
      },
    });
  });

  it("lets scripts save versions and deploy them to unprotected environments, never to protected ones", async () => {
    const identity = await authenticateApiKey(
      `Bearer ${await key(fixture.project.id, ["prompts:read", "prompts:write"])}`,
      "prompts:write",
    );
    const writer = {
      project: fixture.project,
      actor: { id: identity.createdById, name: `API key ${identity.name}`, scopes: identity.scopes },
    };
    const content = { template: "From CI: {{x}}", contract: { variables: [] }, modelConfig: {} };
    await expect(
      createVersionFromApi({
        ctx: ctx(),
        access: writer,
        name: "ci/made",
        input: { content, message: "first", deploy: ["production"] },
      }),
    ).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/^Production is protected/) });
    expect(await db.prompt.findFirst({ where: { projectId: fixture.project.id, name: "ci/made" } })).toBeNull();
    await expect(
      createVersionFromApi({
        ctx: ctx(),
        access: writer,
        name: "ci/made",
        input: { content, message: "first", deploy: [] },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const made = await createVersionFromApi({
      ctx: ctx(),
      access: writer,
      name: "ci/made",
      input: { content, message: "first", type: "text", deploy: ["development"] },
    });
    expect(made).toEqual({
      name: "ci/made",
      version: 1,
      deployments: [{ environment: "development", fromVersion: null, toVersion: 1 }],
    });
    expect(await (await get("/api/prompts/ci/made?environment=development")).json()).toMatchObject({
      version: 1,
      template: "From CI: {{x}}",
    });
    await expect(
      createVersionFromApi({
        ctx: ctx(),
        access: writer,
        name: "ci/made",
        input: { content, message: "stale", baseVersion: 0, deploy: [] },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
