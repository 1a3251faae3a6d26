// The outbound destination policy on the real paths: Test connection, playground runs, webhook
// deliveries; and a provider's stored key staying with the origin it was entered for. Traffic stays
// on loopback: 127.0.0.0/8 is denied here except 127.0.0.2, and "localhost" resolves to 127.0.0.1.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { AppError } from "@/lib/errors";
import { runPrompt, type RunEvent } from "@/lib/playground/run-prompt";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { getProviderClient } from "@/lib/providers/get-provider-client";
import { saveProvider } from "@/lib/providers/save-provider";
import { testProvider } from "@/lib/providers/test-provider";
import { executeRun } from "@/lib/runs/execute-run";
import { runRequestSchema } from "@/lib/validations/run";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-due-webhooks";
import { createWebhook } from "@/lib/webhooks/manage-webhooks";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject } from "./helpers";

vi.hoisted(() => {
  process.env.GALLEY_OUTBOUND_DENY = "127.0.0.0/8";
  process.env.GALLEY_OUTBOUND_ALLOW = "127.0.0.2";
});

const LOCALHOST_DENIED =
  "localhost resolves to 127.0.0.1, which the outbound policy denies (it matches 127.0.0.0/8 in GALLEY_OUTBOUND_DENY on the server).";

describe("outbound destination policy", () => {
  let fake: FakeOpenAI;
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  const admin = () => fixture.members[0]!.user;
  const received: string[] = [];
  const receivers: http.Server[] = [];

  /** A webhook receiver on `host` that answers 500 with 64 KB of text. */
  async function receiver(host: string) {
    const server = http.createServer((req, res) => {
      received.push(`${host} ${req.url}`);
      req.resume();
      res.writeHead(500, { "content-type": "text/plain" }).end(`${"x".repeat(64 * 1024)}`);
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    receivers.push(server);
    return (server.address() as AddressInfo).port;
  }

  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
    fixture = await makeProject(["ADMIN"]);
    promptId = (
      await createPrompt({
        ctx: ctxFor(admin()),
        projectId: fixture.project.id,
        input: { name: "policy/prompt", type: "TEXT", description: "", tags: [] },
      })
    ).id;
    await saveVersion({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      promptId,
      authorId: admin().id,
      baseVersion: 0,
      message: "v1",
      content: { template: "Hello", contract: { variables: [] }, modelConfig: {} },
    });
  });
  afterAll(async () => {
    await fake.close();
    await Promise.all(receivers.map((s) => new Promise((r) => s.close(r))));
  });

  it("refuses a provider whose host name resolves to a denied address, in Test connection and in playground runs", async () => {
    const port = new URL(fake.url).port;
    const provider = await saveProvider({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      input: {
        name: "Via localhost",
        kind: "OPENAI_COMPATIBLE",
        baseUrl: `http://localhost:${port}/v1`,
        apiKey: "test-key",
        defaultModel: "fake-echo",
      },
    });
    expect(await testProvider({ projectId: fixture.project.id, providerId: provider.id })).toEqual({
      ok: false,
      failure: {
        code: "destination_denied",
        status: null,
        message: LOCALHOST_DENIED,
        hint: expect.stringContaining("outbound policy"),
      },
    });

    const stream = await runPrompt({
      projectId: fixture.project.id,
      promptId,
      userId: admin().id,
      request: runRequestSchema.parse({ providerId: provider.id, source: { version: 1 }, values: {} }),
    });
    const events = (await new Response(stream).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as RunEvent);
    expect(events.at(-1)).toMatchObject({
      type: "error",
      failure: { code: "destination_denied", message: LOCALHOST_DENIED },
    });
    const literal = await saveProvider({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      input: { name: "Via 127.0.0.1", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
    });
    expect(await testProvider({ projectId: fixture.project.id, providerId: literal.id })).toMatchObject({
      ok: false,
      failure: {
        code: "destination_denied",
        message: expect.stringMatching(/^127.0.0.1 is an address the outbound policy denies/),
      },
    });
    // Nothing reached the server, though it listens there: the key never left.
    expect(fake.calls).toEqual([]);
  });

  it("refuses the same provider in a non-streamed run (the step eval runs use)", async () => {
    const port = new URL(fake.url).port;
    const saved = await saveProvider({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      input: {
        name: "Via localhost, whole answers",
        kind: "OPENAI_COMPATIBLE",
        baseUrl: `http://localhost:${port}/v1`,
        apiKey: "test-key",
      },
    });
    const provider = await getProviderClient({ projectId: fixture.project.id, providerId: saved.id });
    const calls = fake.calls.length;
    const result = await executeRun({
      projectId: fixture.project.id,
      provider,
      model: "fake-echo",
      settings: {},
      messages: [{ role: "user", content: "Hello" }],
    });
    expect(result).toMatchObject({ output: "", failure: { code: "destination_denied", message: LOCALHOST_DENIED } });
    expect(fake.calls.length).toBe(calls);
  });

  it("refuses webhook deliveries the same way, and logs at most 1 KB of what a receiver answers", async () => {
    const deniedPort = await receiver("127.0.0.1");
    const allowedPort = await receiver("127.0.0.2");
    const denied = await createWebhook({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      creatorId: admin().id,
      input: { url: `http://localhost:${deniedPort}/hooks`, events: ["prompt.version.created"] },
    });
    const mapped = await createWebhook({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      creatorId: admin().id,
      input: { url: `http://[::ffff:127.0.0.1]:${deniedPort}/hooks`, events: ["prompt.version.created"] },
    });
    const allowed = await createWebhook({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      creatorId: admin().id,
      input: { url: `http://127.0.0.2:${allowedPort}/hooks`, events: ["prompt.version.created"] },
    });
    await saveVersion({
      ctx: ctxFor(admin()),
      projectId: fixture.project.id,
      promptId,
      authorId: admin().id,
      baseVersion: 1,
      message: "v2",
      content: { template: "Hello again", contract: { variables: [] }, modelConfig: {} },
    });
    expect(await deliverDueWebhooks()).toBe(3);

    const delivery = (webhookId: string) => db.webhookDelivery.findFirstOrThrow({ where: { webhookId } });
    expect(await delivery(denied.id)).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: null,
      responseBody: null,
      error: LOCALHOST_DENIED,
    });
    expect((await delivery(mapped.id)).error).toMatch(
      /^::ffff:7f00:1 is an address the outbound policy denies \(it matches 127.0.0.0\/8 in GALLEY_OUTBOUND_DENY/,
    );
    const answered = await delivery(allowed.id);
    expect(answered).toMatchObject({ status: "pending", responseStatus: 500, error: "The endpoint answered 500" });
    expect(answered.responseBody).toBe(`${"x".repeat(1024)}…`);
    expect(received).toEqual([`127.0.0.2 /hooks`]);
  });

  it("asks for the provider's key again when its base URL moves to another origin, and keeps it for a path-only change", async () => {
    const ctx = ctxFor(admin());
    const projectId = fixture.project.id;
    const input = {
      name: "Moving",
      kind: "OPENAI_COMPATIBLE" as const,
      baseUrl: "http://127.0.0.2:8080/v1",
      defaultModel: "m",
    };
    const created = await saveProvider({ ctx, projectId, input: { ...input, apiKey: "sk-first-1111" } });
    const stored = () => db.provider.findUniqueOrThrow({ where: { id: created.id } });
    const firstKey = (await stored()).apiKeyEncrypted;

    const pathOnly = await saveProvider({
      ctx,
      projectId,
      providerId: created.id,
      input: { ...input, baseUrl: "http://127.0.0.2:8080/openai/v1", apiKey: "" },
    });
    expect(pathOnly).toMatchObject({ baseUrl: "http://127.0.0.2:8080/openai/v1", apiKeyHint: "…1111" });
    expect((await stored()).apiKeyEncrypted).toBe(firstKey);

    for (const baseUrl of [
      "https://collector.example/v1",
      "http://127.0.0.2:8081/openai/v1",
      "https://127.0.0.2:8080/openai/v1",
    ]) {
      const refused = await saveProvider({ ctx, projectId, providerId: created.id, input: { ...input, baseUrl } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused, baseUrl).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        code: "validation_failed",
        details: { issues: [{ path: "apiKey", message: expect.stringContaining("Enter the API key again") }] },
      });
    }
    expect(await stored()).toMatchObject({ baseUrl: "http://127.0.0.2:8080/openai/v1", apiKeyEncrypted: firstKey });

    const moved = await saveProvider({
      ctx,
      projectId,
      providerId: created.id,
      input: { ...input, baseUrl: "https://collector.example/v1", apiKey: "sk-second-2222" },
    });
    expect(moved).toMatchObject({ baseUrl: "https://collector.example/v1", apiKeyHint: "…2222" });

    // A provider without a key (a local server) has nothing to leak: it may move freely.
    const keyless = await saveProvider({
      ctx,
      projectId,
      input: { name: "Local", kind: "OPENAI_COMPATIBLE", baseUrl: "http://127.0.0.2:11434/v1" },
    });
    expect(
      await saveProvider({
        ctx,
        projectId,
        providerId: keyless.id,
        input: { name: "Local", kind: "OPENAI_COMPATIBLE", baseUrl: "http://127.0.0.2:11435/v1" },
      }),
    ).toMatchObject({ baseUrl: "http://127.0.0.2:11435/v1", apiKeyHint: null });
  });
});
