import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { runPrompt, type RunEvent } from "@/lib/playground/run-prompt";
import { deleteTestCase, listTestCases, saveTestCase } from "@/lib/playground/test-cases";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { listModelPrices, setModelPrice } from "@/lib/providers/model-prices";
import { saveProvider } from "@/lib/providers/save-provider";
import { testProvider } from "@/lib/providers/test-provider";
import { runRequestSchema } from "@/lib/validations/run";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject } from "./helpers";

async function events(stream: ReadableStream<Uint8Array>): Promise<RunEvent[]> {
  const text = await new Response(stream).text();
  return text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as RunEvent);
}

describe("playground runs through the openai SDK against a fake OpenAI server", () => {
  let fake: FakeOpenAI;
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let providerId: string;
  let promptId: string;
  const run = (body: Record<string, unknown>, signal?: AbortSignal) =>
    runPrompt({
      projectId: fixture.project.id,
      promptId,
      userId: fixture.members[0]!.user.id,
      request: runRequestSchema.parse({
        providerId,
        source: { version: 1 },
        values: { customer: "Ana", question: "Where is my refund?" },
        ...body,
      }),
      signal,
    });

  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
    fixture = await makeProject(["ADMIN"]);
    const admin = fixture.members[0]!.user;
    const provider = await saveProvider({
      ctx: ctxFor(admin),
      projectId: fixture.project.id,
      input: {
        name: "Fake",
        kind: "OPENAI_COMPATIBLE",
        baseUrl: fake.url,
        apiKey: "test-key",
        defaultModel: "fake-echo",
      },
    });
    providerId = provider.id;
    const prompt = await createPrompt({
      ctx: ctxFor(admin),
      projectId: fixture.project.id,
      input: { name: "support/reply", type: "CHAT", description: "", tags: [] },
    });
    promptId = prompt.id;
    await saveVersion({
      ctx: ctxFor(admin),
      projectId: fixture.project.id,
      promptId,
      authorId: admin.id,
      baseVersion: 0,
      message: "v1",
      content: {
        messages: [
          { role: "system", content: "Help {{customer}}." },
          { role: "placeholder", name: "history" },
          { role: "user", content: "{{question}}" },
        ],
        contract: { variables: [{ name: "history", type: "messages", required: false }] },
        modelConfig: { temperature: 0.2 },
      },
    });
  });
  afterAll(() => fake.close());

  it("keeps the API key encrypted and masked, and tests the connection", async () => {
    const stored = await db.provider.findUniqueOrThrow({ where: { id: providerId } });
    expect(stored.apiKeyEncrypted).not.toContain("test-key");
    expect(stored.apiKeyHint).toBe("…-key");
    expect(await testProvider({ projectId: fixture.project.id, providerId })).toMatchObject({
      ok: true,
      models: expect.arrayContaining(["fake-echo", "fake-tools"]),
    });
    const bad = await saveProvider({
      ctx: ctxFor(fixture.members[0]!.user),
      projectId: fixture.project.id,
      input: { name: "Bad key", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "wrong" },
    });
    expect(await testProvider({ projectId: fixture.project.id, providerId: bad.id })).toMatchObject({
      ok: false,
      failure: { code: "unauthorized", status: 401 },
    });
  });

  it("speaks Azure OpenAI's dialect: deployments in the path, api-version, api-key header", async () => {
    const admin = fixture.members[0]!.user;
    const azure = await saveProvider({
      ctx: ctxFor(admin),
      projectId: fixture.project.id,
      input: {
        name: "Azure",
        kind: "AZURE_OPENAI",
        baseUrl: fake.url.replace(/\/v1$/, ""),
        apiKey: "test-key",
        azureApiVersion: "2024-10-21",
      },
    });
    expect(await testProvider({ projectId: fixture.project.id, providerId: azure.id })).toMatchObject({
      ok: true,
      models: expect.arrayContaining(["fake-echo"]),
    });
    const got = await events(
      await runPrompt({
        projectId: fixture.project.id,
        promptId,
        userId: admin.id,
        request: runRequestSchema.parse({
          providerId: azure.id,
          source: { version: 1 },
          values: { customer: "Ana", question: "Hi?" },
          model: "fake-chunks-3",
        }),
      }),
    );
    expect(got.filter((e) => e.type === "delta")).toHaveLength(3);
    expect(got.at(-1)).toMatchObject({ type: "done", finishReason: "stop" });
    expect(fake.calls).toContain("POST /openai/deployments/fake-chunks-3/chat/completions?api-version=2024-10-21");
    expect(fake.calls).toContain("GET /openai/models?api-version=2024-10-21");
  });

  it("streams the answer in pieces, with tokens, timings and the run stored", async () => {
    const got = await events(
      await run({
        model: "fake-chunks-8",
        values: {
          customer: "Ana",
          question: "Where is my refund?",
          history: [{ role: "assistant", content: "Hello!" }],
        },
      }),
    );
    const deltas = got.filter((e) => e.type === "delta");
    expect(deltas.length).toBe(8);
    expect(deltas.map((e) => (e as { text: string }).text).join("")).toBe("Echo: Where is my refund?");
    const done = got.at(-1) as Extract<RunEvent, { type: "done" }>;
    expect(done).toMatchObject({
      type: "done",
      finishReason: "stop",
      costUsd: null,
      inputTokens: expect.any(Number),
      outputTokens: expect.any(Number),
    });
    expect(done.ttftMs).not.toBeNull();
    const sent = fake.requests.at(-1)!;
    expect(sent.messages).toEqual([
      { role: "system", content: "Help Ana." },
      { role: "assistant", content: "Hello!" },
      { role: "user", content: "Where is my refund?" },
    ]);
    const stored = await db.playgroundRun.findUniqueOrThrow({ where: { id: done.runId } });
    expect(stored).toMatchObject({
      versionNumber: 1,
      model: "fake-chunks-8",
      output: "Echo: Where is my refund?",
      error: null,
    });
  });

  it("runs unsaved editor content, shows tool calls and checks JSON output", async () => {
    const content = {
      messages: [{ role: "user", content: "Find {{thing}}" }],
      contract: { variables: [] },
      modelConfig: { tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object" } } }] },
    };
    const tools = await events(await run({ source: { content }, values: { thing: "order 7" }, model: "fake-tools" }));
    expect(tools.at(-1)).toMatchObject({
      type: "done",
      finishReason: "tool_calls",
      toolCalls: [{ name: "lookup", arguments: '{"query":"echo"}' }],
    });
    const json = await events(await run({ model: "fake-json", settings: { responseFormat: { type: "json_object" } } }));
    expect(json.at(-1)).toMatchObject({ type: "done", json: { valid: true } });
    // A column's own settings override the version's for that run only.
    await events(await run({ model: "fake-echo", settings: { temperature: 0.9, maxTokens: 7 } }));
    expect(fake.requests.at(-1)).toMatchObject({ temperature: 0.9, max_tokens: 7 });
    await events(await run({ model: "fake-echo" }));
    expect(fake.requests.at(-1)).toMatchObject({ temperature: 0.2 });
    const schema = {
      type: "object",
      properties: { answer: { type: "string" } },
      required: ["answer"],
      additionalProperties: false,
    };
    const misfit = await events(
      await run({ model: "fake-json", settings: { responseFormat: { type: "json_schema", name: "reply", schema } } }),
    );
    expect(misfit.at(-1)).toMatchObject({
      type: "done",
      json: { valid: false, error: "does not fit the response schema: $.answer: is required; $.echo: is not allowed" },
    });
  });

  it("explains provider failures in the stream and records them", async () => {
    const limited = await events(await run({ model: "fake-429" }));
    expect(limited.at(-1)).toMatchObject({
      type: "error",
      failure: { code: "rate_limited", status: 429, retryAfterSeconds: 7, hint: "Rate limited: try again in 7 s." },
    });
    expect((await events(await run({ model: "fake-401" }))).at(-1)).toMatchObject({
      type: "error",
      failure: { code: "unauthorized" },
    });
    expect((await events(await run({ model: "fake-404-model" }))).at(-1)).toMatchObject({
      type: "error",
      failure: { code: "model_not_found" },
    });
    expect((await events(await run({ model: "fake-drop" }))).at(-1)).toMatchObject({
      type: "error",
      failure: { code: "network" },
    });
    expect((await events(await run({ model: "fake-filter" }))).at(-1)).toMatchObject({
      type: "error",
      failure: { code: "content_filter" },
    });
    const failedRuns = (await db.playgroundRun.findMany({ where: { promptId }, select: { error: true } })).filter(
      (r) => r.error !== null,
    ).length;
    expect(failedRuns).toBeGreaterThanOrEqual(5);
  });

  it("stops a slow run, aborting the upstream request", async () => {
    const stop = new AbortController();
    const stream = await run({ model: "fake-slow" }, stop.signal);
    setTimeout(() => stop.abort(), 300);
    const got = await events(stream);
    // Stopped before the fake's first chunk (it waits 3 s): no token arrived, on any machine load.
    expect(got.map((e) => e.type)).toEqual(["start", "error"]);
    expect(got.at(-1)).toMatchObject({ type: "error", failure: { code: "aborted" } });
  });

  it("prices runs from the project's table (or says unknown), and keeps named test cases", async () => {
    const admin = fixture.members[0]!.user;
    await setModelPrice({
      ctx: ctxFor(admin),
      projectId: fixture.project.id,
      model: "fake-chunks-2",
      input: 1000,
      output: 2000,
    });
    const priced = (await events(await run({ model: "fake-chunks-2" }))).at(-1) as Extract<RunEvent, { type: "done" }>;
    expect(priced.costUsd).toBeCloseTo((priced.inputTokens! * 1000 + priced.outputTokens! * 2000) / 1_000_000, 10);
    expect(
      ((await events(await run({ model: "fake-chunks-3" }))).at(-1) as Extract<RunEvent, { type: "done" }>).costUsd,
    ).toBeNull();
    expect(
      (await listModelPrices({ projectId: fixture.project.id })).find((p) => p.model === "gpt-4o-mini"),
    ).toMatchObject({ input: 0.15, custom: false });

    const saved = await saveTestCase({
      projectId: fixture.project.id,
      promptId,
      userId: admin.id,
      name: "Angry",
      values: { customer: "Bo", question: "WHERE?" },
    });
    await saveTestCase({
      projectId: fixture.project.id,
      promptId,
      userId: admin.id,
      name: "Angry",
      values: { customer: "Bo", question: "Where, please?" },
    });
    expect(await listTestCases({ projectId: fixture.project.id, promptId })).toEqual([
      {
        id: saved.id,
        name: "Angry",
        values: { customer: "Bo", question: "Where, please?" },
        updatedAt: expect.any(String),
      },
    ]);
    await deleteTestCase({ projectId: fixture.project.id, promptId, testCaseId: saved.id });
    expect(await listTestCases({ projectId: fixture.project.id, promptId })).toEqual([]);
  });

  it("refuses bad values before calling the provider, naming each variable", async () => {
    const before = fake.requests.length;
    await expect(run({ values: { customer: 3 } })).rejects.toMatchObject({
      code: "validation_failed",
      details: {
        issues: [
          { path: "values.customer", message: "customer must be a string, got number 3" },
          { path: "values.question", message: "question is required" },
        ],
      },
    });
    expect(fake.requests.length).toBe(before);
  });
});
