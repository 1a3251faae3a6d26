// Its own file: the timeout is configuration, read once per process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { runPrompt, type RunEvent } from "@/lib/playground/run-prompt";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { getProviderClient } from "@/lib/providers/get-provider-client";
import { saveProvider } from "@/lib/providers/save-provider";
import { executeRun } from "@/lib/runs/execute-run";
import { runRequestSchema } from "@/lib/validations/run";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject } from "./helpers";

process.env.GALLEY_LLM_TIMEOUT_MS = "1000";

describe("GALLEY_LLM_TIMEOUT_MS", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());

  it("ends a run whose provider does not answer in time, and says what to do", async () => {
    const { project, members } = await makeProject(["ADMIN"]);
    const admin = members[0]!.user;
    const provider = await saveProvider({
      ctx: ctxFor(admin),
      projectId: project.id,
      input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
    });
    const prompt = await createPrompt({
      ctx: ctxFor(admin),
      projectId: project.id,
      input: { name: "slow", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx: ctxFor(admin),
      projectId: project.id,
      promptId: prompt.id,
      authorId: admin.id,
      baseVersion: 0,
      message: "v1",
      content: { template: "Hi", contract: { variables: [] }, modelConfig: {} },
    });
    const stream = await runPrompt({
      projectId: project.id,
      promptId: prompt.id,
      userId: admin.id,
      request: runRequestSchema.parse({ providerId: provider.id, source: { version: 1 }, model: "fake-slow" }),
    });
    const events = (await new Response(stream).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as RunEvent);
    // Ended by our timeout before the provider's first token (it sends one after 3 s), in a single
    // attempt. This says what a wall-clock bound said, and still holds on a loaded machine.
    expect(events.map((e) => e.type)).toEqual(["start", "error"]);
    expect(fake.requests).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({
      type: "error",
      failure: {
        code: "timeout",
        message: "No answer within 1 s.",
        hint: expect.stringMatching(/GALLEY_LLM_TIMEOUT_MS/),
      },
    });
  });

  it("ends a non-streamed run (the step eval runs use) the same way", async () => {
    const { project, members } = await makeProject(["ADMIN"]);
    const saved = await saveProvider({
      ctx: ctxFor(members[0]!.user),
      projectId: project.id,
      input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
    });
    const provider = await getProviderClient({ projectId: project.id, providerId: saved.id });
    const before = fake.requests.length;
    const result = await executeRun({
      projectId: project.id,
      provider,
      model: "fake-slow",
      settings: {},
      messages: [{ role: "user", content: "Hi" }],
    });
    // The fake answers after 3 s: nothing arrived, in a single attempt, so our 1 s timeout ended it.
    expect(result).toMatchObject({
      output: "",
      finishReason: null,
      usage: { inputTokens: null, outputTokens: null },
      failure: {
        code: "timeout",
        message: "No answer within 1 s.",
        hint: expect.stringMatching(/GALLEY_LLM_TIMEOUT_MS/),
      },
    });
    expect(fake.requests.length).toBe(before + 1);
  });
});
