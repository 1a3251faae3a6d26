import { LangfuseClient } from "@langfuse/client";
import { Langfuse } from "langfuse";

import { baseURL } from "../playwright.config";
import { expect, PROJECT, test } from "./fixtures";
import fixture from "./fixtures/langfuse-prompts.json";

type Message = { role: string; content: string };
type Case = {
  name: string;
  type: "text" | "chat";
  prompt: string | Array<Message | { type: "placeholder"; name: string }>;
  values: Record<string, unknown>;
  placeholders?: Record<string, Message[]>;
  contract?: { variables: unknown[] };
};
const cases = fixture.prompts as Case[];
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

// The real Langfuse SDKs from npm (@langfuse/client 5, the legacy langfuse 3) against Galley, with
// a Galley key as the secret key. Both call the global fetch; it is watched here as the browser is
// in fixtures.ts: anything but loopback fails the test (nothing may leave for cloud.langfuse.com).
test("Langfuse's SDKs read, compile and create Galley prompts: same text as Galley's render, labels as environments, their cache", async ({
  page,
}) => {
  const outside: string[] = [];
  const reads: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!LOOPBACK.has(url.hostname)) {
      outside.push(url.href);
      return Promise.reject(new Error(`blocked: ${url.href}`));
    }
    if (url.pathname.startsWith("/api/public/v2/prompts/")) reads.push(`${url.pathname}${url.search}`);
    return realFetch(input, init);
  };
  try {
    const key = (
      await (
        await page.request.post(`/api/projects/${PROJECT}/api-keys`, {
          data: { name: "langfuse sdk", scopes: ["prompts:read", "prompts:write"] },
        })
      ).json()
    ).secret as string;
    const bearer = { authorization: `Bearer ${key}` };
    const client = new LangfuseClient({ publicKey: "galley", secretKey: key, baseUrl: baseURL });
    const legacy = new Langfuse({ publicKey: "galley", secretKey: key, baseUrl: baseURL, enabled: false });

    // Each fixture prompt is created through the new SDK (a contract first through Galley's API, where it needs one).
    for (const c of cases) {
      if (c.contract)
        expect(
          (
            await page.request.post(`/api/prompts/${c.name}/versions`, {
              headers: bearer,
              data: {
                type: c.type,
                message: "Contract",
                content: { template: c.prompt, contract: c.contract, modelConfig: {} },
              },
            })
          ).status(),
        ).toBe(200);
      const created =
        c.type === "chat"
          ? await client.prompt.create({
              name: c.name,
              type: "chat",
              prompt: c.prompt as Array<Message>,
              labels: ["development"],
              config: { model: "gpt-4o-mini", temperature: 0.2 },
              commitMessage: "From Langfuse",
            })
          : await client.prompt.create({
              name: c.name,
              type: "text",
              prompt: c.prompt as string,
              labels: ["development"],
              config: { model: "gpt-4o-mini", temperature: 0.2 },
              commitMessage: "From Langfuse",
            });
      expect(created).toMatchObject({
        name: c.name,
        version: c.contract ? 2 : 1,
        labels: ["development", "latest"],
        config: { model: "gpt-4o-mini", temperature: 0.2 },
      });

      // Galley's render of what development runs is the text (or messages) both SDKs compile.
      const rendered = await (
        await page.request.post(`/api/prompts/${c.name}/render`, {
          headers: bearer,
          data: { environment: "development", variables: { ...c.values, ...c.placeholders } },
        })
      ).json();
      const fresh = await client.prompt.get(c.name, { label: "development" });
      const old = await legacy.getPrompt(c.name, undefined, { label: "development" });
      // The SDKs type values as strings; Mustache, which compiles them, takes lists and objects too.
      const values = c.values as Record<string, string>;
      for (const got of [fresh, old]) {
        expect(got).toMatchObject({ name: c.name, version: c.contract ? 2 : 1, labels: ["development", "latest"] });
        if (c.type === "chat") expect(got.compile(values, c.placeholders)).toEqual(rendered.messages);
        else expect(got.compile(values)).toBe(rendered.text);
      }
    }

    // Label and version selection: a version saved without labels is only `latest`.
    const greeting = cases[0]!;
    await client.prompt.create({ name: greeting.name, type: "text", prompt: "Hi {{name}}!", labels: [] });
    expect(await client.prompt.get(greeting.name, { label: "latest" })).toMatchObject({
      version: 2,
      labels: ["latest"],
    });
    expect(await client.prompt.get(greeting.name, { version: 1 })).toMatchObject({
      version: 1,
      labels: ["development"],
    });
    expect((await legacy.getPrompt(greeting.name, 2)).compile({ name: "Cy" })).toBe("Hi Cy!");
    // Moving a label deploys that version to the environment; deleting is refused with the reason.
    expect(await client.prompt.update({ name: greeting.name, version: 2, newLabels: ["staging"] })).toMatchObject({
      version: 2,
      labels: ["staging", "latest"],
    });
    expect(await client.prompt.get(greeting.name, { label: "staging", cacheTtlSeconds: 0 })).toMatchObject({
      version: 2,
    });
    expect(await client.prompt.delete(greeting.name).catch((e: unknown) => e)).toMatchObject({
      statusCode: 405,
      body: { message: expect.stringContaining("keeps every version") },
    });
    expect(await legacy.getPrompt(greeting.name, undefined, { label: "latest" })).toMatchObject({ version: 2 });

    // The legacy SDK creates too; production is protected, so the SDK's error names why.
    const made = await legacy.createPrompt({ name: "langfuse/legacy", prompt: "Bye {{name}}.", labels: ["staging"] });
    expect(made).toMatchObject({ version: 1, labels: ["staging", "latest"] });
    expect((await legacy.getPrompt("langfuse/legacy", undefined, { label: "staging" })).compile({ name: "Di" })).toBe(
      "Bye Di.",
    );
    const refused = await client.prompt
      .create({ name: greeting.name, type: "text", prompt: "x", labels: ["production"] })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      statusCode: 403,
      body: { message: expect.stringContaining("Production is protected") },
    });

    // The SDK's cache: no request within its TTL; after a deploy and the TTL, the stale answer once, then the new one.
    const cached = new LangfuseClient({ publicKey: "galley", secretKey: key, baseUrl: baseURL });
    const opts = { label: "staging", cacheTtlSeconds: 1 };
    reads.length = 0;
    expect(await cached.prompt.get("langfuse/legacy", opts)).toMatchObject({ version: 1 });
    expect(await cached.prompt.get("langfuse/legacy", opts)).toMatchObject({ version: 1 });
    expect(reads).toEqual(["/api/public/v2/prompts/langfuse%2Flegacy?label=staging"]);
    await cached.prompt.create({
      name: "langfuse/legacy",
      type: "text",
      prompt: "See you, {{name}}.",
      labels: ["staging"],
    });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await cached.prompt.get("langfuse/legacy", opts)).toMatchObject({ version: 1 });
    await expect.poll(async () => (await cached.prompt.get("langfuse/legacy", opts)).version).toBe(2);
    expect(reads).toHaveLength(2);
  } finally {
    globalThis.fetch = realFetch;
  }
  expect(outside, "the SDKs requested non-loopback URLs").toEqual([]);
});
