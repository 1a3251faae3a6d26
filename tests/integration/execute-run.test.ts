// The run step shared by the playground and eval runs, non-streamed, against the fake OpenAI
// server over real HTTP through the openai SDK (the timeout is in playground-timeout.test.ts, the
// outbound policy in outbound-policy.test.ts: both are configuration read once per process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { getProviderClient } from "@/lib/providers/get-provider-client";
import { setModelPrice } from "@/lib/providers/model-prices";
import { saveProvider } from "@/lib/providers/save-provider";
import { executeRun, type RunProvider } from "@/lib/runs/execute-run";
import type { ModelConfig, PromptContent } from "@/lib/validations/prompt";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject } from "./helpers";

describe("executeRun: render → call the model → measure → check", () => {
  let fake: FakeOpenAI;
  let projectId: string;
  let provider: RunProvider;
  const question = [{ role: "user" as const, content: "Where is my refund?" }];
  const run = (model: string, settings: ModelConfig = {}, signal?: AbortSignal) =>
    executeRun({ projectId, provider, model, settings, messages: question, signal });

  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
    const { project, members } = await makeProject(["ADMIN"]);
    projectId = project.id;
    const admin = members[0]!.user;
    const saved = await saveProvider({
      ctx: ctxFor(admin),
      projectId,
      input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
    });
    provider = await getProviderClient({ projectId, providerId: saved.id });
    await setModelPrice({ ctx: ctxFor(admin), projectId, model: "fake-echo", input: 1000, output: 2000 });
  });
  afterAll(() => fake.close());

  it("answers in one response, with the provider's token counts, the time taken and the project's price", async () => {
    const result = await run("fake-echo", { temperature: 0.3, maxTokens: 50 });
    // The fake counts a token per 4 characters: 19 characters asked, 25 answered.
    expect(result).toEqual({
      messages: question,
      output: "Echo: Where is my refund?",
      toolCalls: [],
      finishReason: "stop",
      usage: { inputTokens: 5, outputTokens: 7 },
      ttftMs: null,
      totalMs: expect.any(Number),
      costUsd: (5 * 1000 + 7 * 2000) / 1_000_000,
      jsonCheck: null,
      failure: null,
    });
    expect(result.totalMs).toBeGreaterThanOrEqual(0);
    const sent = fake.requests.at(-1)!;
    expect(sent).toEqual({ model: "fake-echo", messages: question, temperature: 0.3, max_tokens: 50 });
    // A model priced nowhere costs "unknown", not 0.
    expect(await run("fake-chunks-3")).toMatchObject({
      output: "Echo: Where is my refund?",
      usage: { inputTokens: 5, outputTokens: 7 },
      costUsd: null,
    });
  });

  it("renders content with values first, and refuses values that break the contract before calling the provider", async () => {
    const content: PromptContent = {
      messages: [
        { role: "system", content: "Help {{customer}}." },
        { role: "user", content: "{{question}}" },
      ],
      contract: {
        variables: [
          { name: "customer", type: "string", required: true },
          { name: "question", type: "string", required: true },
        ],
      },
      modelConfig: {},
    };
    const result = await executeRun({
      projectId,
      provider,
      model: "fake-echo",
      settings: {},
      promptName: "support/reply",
      content,
      values: { customer: "Ana", question: "Hi?" },
    });
    expect(result).toMatchObject({
      output: "Echo: Hi?",
      failure: null,
      messages: [
        { role: "system", content: "Help Ana." },
        { role: "user", content: "Hi?" },
      ],
    });
    expect(fake.requests.at(-1)!.messages).toEqual(result.messages);

    const before = fake.requests.length;
    await expect(
      executeRun({
        projectId,
        provider,
        model: "fake-echo",
        settings: {},
        promptName: "support/reply",
        content,
        values: { customer: 3 },
      }),
    ).rejects.toMatchObject({
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

  it("reports tool calls from a whole response", async () => {
    const tools: ModelConfig["tools"] = [
      { type: "function", function: { name: "lookup", parameters: { type: "object" } } },
    ];
    expect(await run("fake-tools", { tools })).toMatchObject({
      output: "",
      finishReason: "tool_calls",
      toolCalls: [{ name: "lookup", arguments: '{"query":"echo"}' }],
      failure: null,
    });
  });

  it("checks the answer against the response format: JSON that parses, and fits the response schema", async () => {
    expect((await run("fake-json", { responseFormat: { type: "json_object" } })).jsonCheck).toEqual({ valid: true });
    expect(fake.requests.at(-1)).toMatchObject({ response_format: { type: "json_object" } });
    expect((await run("fake-echo", { responseFormat: { type: "json_object" } })).jsonCheck).toEqual({
      valid: false,
      error: expect.stringMatching(/JSON/),
    });

    const fits = {
      type: "object",
      properties: { echo: { type: "string" } },
      required: ["echo"],
      additionalProperties: false,
    };
    expect(
      (await run("fake-json", { responseFormat: { type: "json_schema", name: "reply", schema: fits } })).jsonCheck,
    ).toEqual({ valid: true });
    expect(fake.requests.at(-1)).toMatchObject({
      response_format: { type: "json_schema", json_schema: { name: "reply", schema: fits } },
    });
    const misfit = {
      type: "object",
      properties: { answer: { type: "string" } },
      required: ["answer"],
      additionalProperties: false,
    };
    expect(
      (await run("fake-json", { responseFormat: { type: "json_schema", name: "reply", schema: misfit } })).jsonCheck,
    ).toEqual({
      valid: false,
      error: "does not fit the response schema: $.answer: is required; $.echo: is not allowed",
    });
  });

  it("describes provider failures the way the playground does, without throwing", async () => {
    const limited = await run("fake-429", { responseFormat: { type: "json_object" } });
    expect(limited).toMatchObject({
      output: "",
      usage: { inputTokens: null, outputTokens: null },
      costUsd: null,
      jsonCheck: null,
    });
    expect(limited.failure).toEqual({
      code: "rate_limited",
      status: 429,
      message: "Rate limit reached for requests.",
      hint: "Rate limited: try again in 7 s.",
      retryAfterSeconds: 7,
    });
    expect((await run("fake-500")).failure).toMatchObject({ code: "provider_error", status: 500 });
    expect((await run("fake-404-model")).failure).toMatchObject({ code: "model_not_found", status: 404 });
    // A whole answer the content filter stopped is a failure too, though the response was a 200.
    expect(await run("fake-filter")).toMatchObject({
      finishReason: "content_filter",
      failure: { code: "content_filter" },
    });
  });

  it("stops when its signal aborts, with nothing of the answer arrived", async () => {
    const stop = new AbortController();
    const before = fake.requests.length;
    setTimeout(() => stop.abort(), 300);
    // The fake answers fake-slow after 3 s: an empty output proves the run ended before that, on any machine load.
    const result = await run("fake-slow", {}, stop.signal);
    expect(result).toMatchObject({
      output: "",
      finishReason: null,
      usage: { inputTokens: null, outputTokens: null },
      jsonCheck: null,
      failure: { code: "aborted", message: "Stopped." },
    });
    expect(fake.requests.length).toBe(before + 1);
  });

  it("streams through the same step when given onDelta, with the time to the first token", async () => {
    const pieces: string[] = [];
    const result = await executeRun({
      projectId,
      provider,
      model: "fake-chunks-4",
      settings: {},
      messages: question,
      onDelta: (text) => pieces.push(text),
    });
    expect(fake.requests.at(-1)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(pieces).toHaveLength(4);
    expect(pieces.join("")).toBe(result.output);
    expect(result).toMatchObject({
      output: "Echo: Where is my refund?",
      finishReason: "stop",
      usage: { inputTokens: 5, outputTokens: 7 },
      ttftMs: expect.any(Number),
      failure: null,
    });
  });
});
