// Langfuse's prompt API (/api/public/v2/prompts) over real HTTP for reads (the hot path as the
// custom server mounts it) and through the route handlers for list and create: Langfuse's shapes,
// labels as environments, Basic auth with a Galley key as password, the serving cache's ETag and
// invalidation, and every refusal the native API makes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { servingCacheEnabled } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { updatePrompt } from "@/lib/prompts/update-prompt";
import { startServingListener } from "@/lib/serving/start-serving-listener";
import type { ApiKeyScope } from "@/lib/validations/api-key";
import type { PromptContent } from "@/lib/validations/prompt";

import { ctxFor, makeProject, placeVersion, startHotPathServer } from "./helpers";
import { callRoute } from "./route-client";

const ROUTE = "api/public/v2/prompts/route.ts";
const basic = (secret: string, user = "galley") => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

describe("Langfuse-compatible prompt API", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let server: Awaited<ReturnType<typeof startHotPathServer>>;
  let stopListener: () => Promise<void>;
  let reader: string;
  let writer: string;
  let reply: string;
  const owner = () => fixture.members[0]!.user;
  const ctx = () => ctxFor(owner());
  const key = async (scopes: ApiKeyScope[]) =>
    (
      await createApiKey({
        ctx: ctx(),
        projectId: fixture.project.id,
        creator: { id: owner().id, name: owner().name },
        input: { name: "langfuse", scopes, expiresAt: null },
      })
    ).secret;
  const get = (path: string, headers: Record<string, string> = { authorization: basic(reader) }) =>
    fetch(`${server.base}/api/public/v2/prompts/${path}`, { headers, redirect: "manual" });
  const save = (promptId: string, n: number, content: Partial<PromptContent>) =>
    saveVersion({
      ctx: ctx(),
      projectId: fixture.project.id,
      promptId,
      authorId: owner().id,
      baseVersion: n - 1,
      message: `v${n}`,
      content: { contract: { variables: [] }, modelConfig: { model: "gpt-4o-mini", temperature: 0.2 }, ...content },
    });
  const place = (promptId: string, slug: string, version: number) =>
    placeVersion({ projectId: fixture.project.id, promptId, slug, version, by: owner() });
  const make = async (name: string, type: "TEXT" | "CHAT", tags: string[] = []) =>
    (await createPrompt({ ctx: ctx(), projectId: fixture.project.id, input: { name, type, description: "", tags } }))
      .id;
  const call = (method: "GET" | "POST", opts: { search?: string; body?: unknown; headers?: Record<string, string> }) =>
    callRoute(ROUTE, { method, params: {}, search: opts.search, body: opts.body, headers: opts.headers });

  beforeAll(async () => {
    await applyMigrations();
    stopListener = startServingListener();
    fixture = await makeProject(["OWNER"]);
    const tone = await make("support/tone", "TEXT");
    await save(tone, 1, { template: "Be {{tone}}." });
    await place(tone, "production", 1);
    await place(tone, "development", 1);
    reply = await make("support/reply", "TEXT", ["support"]);
    await save(reply, 1, { template: "Hello {{name}}. {{> support/tone}}" });
    await save(reply, 2, { template: "Hi {{name}}!" });
    await place(reply, "production", 1);
    await place(reply, "development", 2);
    const bot = await make("chat/bot", "CHAT", ["chat"]);
    await save(bot, 1, {
      messages: [
        { role: "system", content: "You are {{persona}}." },
        { role: "placeholder", name: "history" },
        { role: "user", content: "{{question}}" },
      ],
    });
    await place(bot, "staging", 1);
    reader = await key(["prompts:read"]);
    writer = await key(["prompts:read", "prompts:write"]);
    server = await startHotPathServer();
    for (let i = 0; i < 100 && !servingCacheEnabled(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(servingCacheEnabled()).toBe(true);
  });
  afterAll(async () => {
    await server.close();
    await stopListener();
  });

  it("answers production by default in Langfuse's shape, references resolved, with an ETag and 304", async () => {
    const res = await get("support%2Freply");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.any(String),
      name: "support/reply",
      version: 1,
      type: "text",
      prompt: "Hello {{name}}. Be {{tone}}.",
      config: { model: "gpt-4o-mini", temperature: 0.2 },
      labels: ["production"],
      tags: ["support"],
      commitMessage: "v1",
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await get("support/reply?label=production", { authorization: basic(reader), "if-none-match": etag });
    expect(again.status).toBe(304);
    // Bearer keeps working; the Basic username is ignored.
    expect((await get("support/reply", { authorization: `Bearer ${reader}` })).status).toBe(200);
    expect((await get("support/reply", { authorization: basic(reader, "pk-lf-anything") })).status).toBe(200);
  });

  it("selects by label (environments and latest) and by version", async () => {
    const at = async (query: string) =>
      (await (await get(`support%2Freply?${query}`)).json()) as Record<string, unknown>;
    expect(await at("label=development")).toMatchObject({
      version: 2,
      prompt: "Hi {{name}}!",
      labels: ["development", "latest"],
    });
    expect(await at("label=latest")).toMatchObject({ version: 2, labels: ["development", "latest"] });
    expect(await at("version=1")).toMatchObject({ version: 1, labels: ["production"], commitMessage: "v1" });
    const chat = await (await get("chat%2Fbot?label=staging")).json();
    expect(chat).toMatchObject({
      type: "chat",
      labels: ["staging", "latest"],
      tags: ["chat"],
      prompt: [
        { type: "chatmessage", role: "system", content: "You are {{persona}}." },
        { type: "placeholder", name: "history" },
        { type: "chatmessage", role: "user", content: "{{question}}" },
      ],
    });
  });

  it("refuses what it cannot answer with Langfuse's message and Galley's error", async () => {
    const refusal = async (path: string, headers?: Record<string, string>) => {
      const res = await get(path, headers);
      const body = (await res.json()) as { message: string; error: { code: string; message: string } };
      expect(body.message).toBe(body.error.message);
      return { status: res.status, code: body.error.code, message: body.message };
    };
    expect(await refusal("chat%2Fbot")).toEqual({
      status: 404,
      code: "not_found",
      message: "Production does not run chat/bot yet. Deploy or promote a version to it, or ask for ?version=N.",
    });
    expect(await refusal("support%2Fnope")).toMatchObject({
      status: 404,
      message: 'No prompt named "support/nope" in this project.',
    });
    expect(await refusal("support%2Freply?version=9")).toMatchObject({
      status: 404,
      message: "support/reply has no version 9.",
    });
    expect(await refusal("support%2Freply?label=production&version=1")).toMatchObject({
      status: 422,
      message: "version: Ask for a label or a version, not both.",
    });
    expect(await refusal("support%2Freply?label=Prod_1")).toMatchObject({ status: 422, code: "validation_failed" });
    expect((await refusal("support%2Freply?resolve=false")).message).toContain("resolve=false is not supported");
    expect(await refusal("support%2Freply", {})).toMatchObject({ status: 401, code: "unauthenticated" });
    expect((await refusal("support%2Freply", { authorization: basic("not-a-key") })).message).toContain(
      "use the key as the password",
    );
    expect(await refusal("support%2Freply", { authorization: "Basic bm8tY29sb24=" })).toMatchObject({ status: 401 });
    expect(await refusal("%ZZ")).toMatchObject({ status: 400, code: "bad_request" });
  });

  it("sees deploys and new versions at once: the cache is cleared as for /api/prompts", async () => {
    const first = await get("support%2Freply");
    const before = first.headers.get("etag")!;
    await place(reply, "production", 2);
    const after = await get("support%2Freply", { authorization: basic(reader), "if-none-match": before });
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ version: 2, labels: ["development", "production", "latest"] });
    await save(reply, 3, { template: "Hey {{name}}." });
    expect(await (await get("support%2Freply?label=latest")).json()).toMatchObject({ version: 3, labels: ["latest"] });
    expect(await (await get("support%2Freply")).json()).toMatchObject({
      version: 2,
      labels: ["development", "production"],
    });
    // A renamed prompt's old name redirects to the new one, keeping the label.
    await updatePrompt({
      ctx: ctx(),
      projectId: fixture.project.id,
      promptId: reply,
      changes: { name: "support/answer" },
    });
    const moved = await get("support%2Freply?label=development");
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe("/api/public/v2/prompts/support%2Fanswer?label=development");
    await updatePrompt({
      ctx: ctx(),
      projectId: fixture.project.id,
      promptId: reply,
      changes: { name: "support/reply" },
    });
  });

  it("lists prompts a page at a time, with versions and labels, filtered as Langfuse filters", async () => {
    const list = async (search: string) => {
      const res = await call("GET", { search, headers: { authorization: basic(reader) } });
      expect(res.status).toBe(200);
      return (await res.json()) as { data: Array<Record<string, unknown>>; meta: Record<string, number> };
    };
    const page1 = await list("?limit=2");
    expect(page1.meta).toEqual({ page: 1, limit: 2, totalItems: 3, totalPages: 2 });
    expect(page1.data.map((p) => p.name)).toEqual(["chat/bot", "support/reply"]);
    expect(page1.data[1]).toEqual({
      name: "support/reply",
      type: "text",
      versions: [1, 2, 3],
      labels: ["development", "production", "latest"],
      tags: ["support"],
      lastUpdatedAt: expect.any(String),
    });
    expect((await list("?limit=2&page=2")).data.map((p) => p.name)).toEqual(["support/tone"]);
    expect((await list("?label=staging")).data).toMatchObject([
      { name: "chat/bot", versions: [1], labels: ["staging", "latest"] },
    ]);
    expect((await list("?label=production")).data).toMatchObject([
      { name: "support/reply", versions: [2], labels: ["development", "production"] },
      { name: "support/tone", versions: [1], labels: ["development", "production", "latest"] },
    ]);
    expect((await list("?tag=support&version=3")).data).toMatchObject([
      { name: "support/reply", versions: [3], labels: ["latest"] },
    ]);
    expect((await list("?name=support/tone")).meta.totalItems).toBe(1);
    const tooMany = await call("GET", { search: "?limit=1000", headers: { authorization: basic(reader) } });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({ message: expect.stringContaining("limit") });
  });

  it("creates versions, deploying labels to unprotected environments only", async () => {
    const create = (body: unknown, authorization = basic(writer), extra: Record<string, string> = {}) =>
      call("POST", { body, headers: { authorization, ...extra } });
    const made = await create({
      name: "onboarding/welcome",
      type: "text",
      prompt: "Welcome, {{name}}!",
      config: { model: "gpt-4o-mini", temperature: 0.5 },
      labels: ["development", "latest"],
      tags: ["onboarding"],
      commitMessage: "First draft",
    });
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({
      name: "onboarding/welcome",
      version: 1,
      type: "text",
      prompt: "Welcome, {{name}}!",
      config: { model: "gpt-4o-mini", temperature: 0.5 },
      labels: ["development", "latest"],
      tags: ["onboarding"],
      commitMessage: "First draft",
    });
    expect(await (await get("onboarding%2Fwelcome?label=development")).json()).toMatchObject({ version: 1 });
    // Without a commit message or type: a text prompt, and a message saying where it came from.
    const second = await create({
      name: "onboarding/welcome",
      prompt: "Welcome back, {{name}}!",
      tags: ["onboarding", "v2"],
    });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({
      version: 2,
      labels: ["latest"],
      tags: ["onboarding", "v2"],
      commitMessage: "Saved through the Langfuse-compatible API.",
    });

    // Tags left out keep the prompt's tags.
    const third = await create({ name: "onboarding/welcome", prompt: "Welcome, {{name}}." });
    expect(await third.json()).toMatchObject({ version: 3, tags: ["onboarding", "v2"] });

    const chat = await create({
      name: "onboarding/chat",
      type: "chat",
      prompt: [
        { role: "system", content: "You help {{name}}.", type: "chatmessage" },
        { type: "placeholder", name: "history" },
      ],
    });
    expect(chat.status).toBe(201);
    expect((await chat.json()).prompt).toEqual([
      { type: "chatmessage", role: "system", content: "You help {{name}}." },
      { type: "placeholder", name: "history" },
    ]);

    // Protected production: 403 and nothing saved (the legacy SDK's isActive means production too).
    for (const body of [
      { name: "onboarding/welcome", prompt: "x", labels: ["production"] },
      { name: "onboarding/welcome", prompt: "x", isActive: true },
    ]) {
      const refused = await create(body);
      expect(refused.status).toBe(403);
      expect((await refused.json()).message).toContain("Production is protected");
    }
    const prompt = await db.prompt.findFirstOrThrow({
      where: { projectId: fixture.project.id, name: "onboarding/welcome" },
    });
    expect(prompt.latestVersion).toBe(3);

    const problems = async (body: unknown) => {
      const res = await create(body);
      return { status: res.status, message: ((await res.json()) as { message: string }).message };
    };
    expect(await problems({ name: "onboarding/welcome", prompt: "x", config: { max_tokens: 5 } })).toMatchObject({
      status: 422,
      message: expect.stringContaining("max_tokens"),
    });
    expect(
      await problems({ name: "onboarding/chat", type: "chat", prompt: [{ role: "tool", content: "x" }] }),
    ).toMatchObject({
      status: 422,
      message: expect.stringContaining("role system, user or assistant"),
    });
    expect(await problems({ name: "onboarding/chat", prompt: "text for a chat prompt" })).toMatchObject({
      status: 422,
      message: 'onboarding/chat is a chat prompt: send "type": "chat" with a list of messages as "prompt".',
    });
    expect(await problems({ name: "onboarding/welcome", prompt: "x", labels: ["nope"] })).toMatchObject({
      status: 404,
      message: 'No environment "nope" in this project.',
    });
    expect(await problems({ name: "Bad Name", prompt: "x" })).toMatchObject({ status: 422 });
    expect(await problems({ name: "onboarding/welcome", prompt: "{{#open}}" })).toMatchObject({ status: 422 });

    // Archived prompts are read-only.
    await updatePrompt({ ctx: ctx(), projectId: fixture.project.id, promptId: prompt.id, changes: { archived: true } });
    expect(await problems({ name: "onboarding/welcome", prompt: "x" })).toMatchObject({
      status: 409,
      message: "onboarding/welcome is archived; restore it to change it.",
    });
    expect((await db.prompt.findUniqueOrThrow({ where: { id: prompt.id } })).latestVersion).toBe(3);

    // A read-only key may not create; a Basic credential from another site's page may not write.
    expect((await create({ name: "x/y", prompt: "x" }, basic(reader))).status).toBe(403);
    const crossSite = await create({ name: "x/y", prompt: "x" }, basic(writer), { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).message).toBe("Cross-site requests are not allowed.");
    expect(await db.prompt.findFirst({ where: { projectId: fixture.project.id, name: "x/y" } })).toBeNull();
  });

  it("moves labels by deploying the version to each environment, checking them all first; refuses deletes", async () => {
    const labels = (name: string, version: string, body: unknown, authorization = basic(writer)) =>
      callRoute("api/public/v2/prompts/[name]/versions/[version]/route.ts", {
        method: "PATCH",
        params: { name, version },
        body,
        headers: { authorization },
      });
    const staging = await db.environment.findFirstOrThrow({
      where: { projectId: fixture.project.id, slug: "staging" },
    });
    const running = async (slug: string) =>
      (
        await db.environmentPrompt.findFirst({
          where: { promptId: reply, environment: { slug, projectId: fixture.project.id } },
        })
      )?.version;

    const moved = await labels("support/reply", "1", { newLabels: ["development", "staging"] });
    expect(moved.status).toBe(200);
    const before = (await moved.json()) as { version: number; labels: string[] };
    expect(before.version).toBe(1);
    expect(before.labels).toEqual(expect.arrayContaining(["development", "staging"]));
    expect([await running("development"), await running("staging")]).toEqual([1, 1]);
    // Each move is a recorded deployment, as in the studio.
    expect(await db.deployment.count({ where: { promptId: reply, toVersion: 1, environmentId: staging.id } })).toBe(1);
    // Labels left out stay (an environment always runs a version); repeating a move records nothing.
    expect(await (await labels("support/reply", "1", { newLabels: ["staging"] })).json()).toMatchObject({
      labels: before.labels,
    });
    expect(await db.deployment.count({ where: { promptId: reply, environmentId: staging.id } })).toBe(1);

    // Every label is checked before any moves: a protected one leaves development where it was.
    const refused = await labels("support/reply", "2", { newLabels: ["development", "production"] });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toContain("Production is protected");
    expect(await running("development")).toBe(1);
    for (const [name, version, body, status] of [
      ["support/reply", "2", { newLabels: ["nope"] }, 404],
      ["support/reply", "9", { newLabels: ["staging"] }, 404],
      ["support/nothing", "1", { newLabels: ["staging"] }, 404],
      ["support/reply", "2", { newLabels: ["latest"] }, 422],
      ["support/reply", "two", { newLabels: ["staging"] }, 422],
    ] as const) {
      expect((await labels(name, version, body)).status, `${name} v${version} ${JSON.stringify(body)}`).toBe(status);
    }
    // A read-only key may not move labels.
    expect((await labels("support/reply", "2", { newLabels: ["staging"] }, basic(reader))).status).toBe(403);
    expect(await running("staging")).toBe(1);

    const versions = await db.promptVersion.count({ where: { promptId: reply } });
    const deleted = await callRoute("api/public/v2/prompts/[name]/route.ts", {
      method: "DELETE",
      params: { name: "support/reply" },
      headers: { authorization: basic(writer) },
    });
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get("allow")).toBe("GET");
    expect((await deleted.json()).message).toContain("Galley keeps every version of support/reply");
    expect(await db.promptVersion.count({ where: { promptId: reply } })).toBe(versions);
  });
});
