import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { baseURL } from "../playwright.config";
import type * as Sdk from "../sdk/src/index";
import { expect, PROJECT, test } from "./fixtures";

// The built SDK (npm run sdk:build, part of test:e2e), typed by its source.
const built = pathToFileURL(path.resolve("sdk/dist/index.mjs")).href;

/** A TCP proxy in front of the studio, so a test can take "the server" away and bring it back. */
async function proxy(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    up: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
  };
}

test("the SDK caches, revalidates with ETags, sees a promotion after its TTL, serves stale while the server is down, and falls back only with nothing cached", async ({
  page,
}) => {
  const { createGalley, GalleyError } = (await import(built)) as typeof Sdk;
  const api = `/api/projects/${PROJECT}`;
  const content = (template: string) => ({
    template,
    contract: { variables: [{ name: "name", type: "string", required: true }] },
    modelConfig: { model: "gpt-4o-mini", temperature: 0.3 },
  });
  const prompt = await (
    await page.request.post(`${api}/prompts`, { data: { name: "sdk/welcome", type: "TEXT" } })
  ).json();
  for (const [i, text] of ["Welcome, {{name}}.", "Welcome back, {{name}}!"].entries()) {
    expect(
      (
        await page.request.post(`${api}/prompts/${prompt.id}/versions`, {
          data: { baseVersion: i, message: `v${i + 1}`, content: content(text) },
        })
      ).status(),
    ).toBe(200);
  }
  expect(
    (
      await page.request.post(`${api}/prompts/${prompt.id}/deployments`, {
        data: { environment: "development", version: 1 },
      })
    ).status(),
  ).toBe(200);
  const key = (
    await (await page.request.post(`${api}/api-keys`, { data: { name: "sdk test", scopes: ["prompts:read"] } })).json()
  ).secret as string;

  const front = await proxy(new URL(baseURL));
  const seen: number[] = [];
  const counted: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    seen.push(res.status);
    return res;
  };
  const galley = createGalley({ baseUrl: front.url, apiKey: key, fetch: counted });
  const opts = { environment: "development", cacheTtlSeconds: 1, maxRetries: 0, timeoutMs: 2000 };

  const first = await galley.getPrompt<{ name: string }>("sdk/welcome", opts);
  expect(first).toMatchObject({ name: "sdk/welcome", version: 1, environment: "development", isFallback: false });
  expect(first.render({ name: "Ana" })).toBe("Welcome, Ana.");
  expect(first.toOpenAI({ name: "Ana" })).toEqual({
    model: "gpt-4o-mini",
    temperature: 0.3,
    messages: [{ role: "user", content: "Welcome, Ana." }],
  });
  const server = await (
    await page.request.post("/api/prompts/sdk/welcome/render", {
      headers: { authorization: `Bearer ${key}` },
      data: { environment: "development", variables: { name: "Ana" } },
    })
  ).json();
  expect(first.toOpenAI({ name: "Ana" }).messages).toEqual(server.messages);
  expect(seen).toEqual([200]);

  // A cache hit makes no request.
  await galley.getPrompt("sdk/welcome", opts);
  expect(seen).toEqual([200]);

  // After the TTL: the stale answer comes back at once and one refresh revalidates it (304).
  await new Promise((r) => setTimeout(r, 1100));
  await Promise.all([galley.getPrompt("sdk/welcome", opts), galley.getPrompt("sdk/welcome", opts)]);
  await expect.poll(() => seen).toEqual([200, 304]);

  // A promotion shows up after the TTL.
  expect(
    (
      await page.request.post(`${api}/prompts/${prompt.id}/deployments`, {
        data: { environment: "development", version: 2 },
      })
    ).status(),
  ).toBe(200);
  await new Promise((r) => setTimeout(r, 1100));
  expect((await galley.getPrompt("sdk/welcome", opts)).version).toBe(1);
  await expect.poll(async () => (await galley.getPrompt("sdk/welcome", opts)).version).toBe(2);
  expect(seen).toEqual([200, 304, 200]);

  // Server down: the cached prompt keeps being served, stale, without throwing.
  await front.down();
  await new Promise((r) => setTimeout(r, 1100));
  const stale = await galley.getPrompt<{ name: string }>("sdk/welcome", opts);
  expect(stale).toMatchObject({ version: 2, isFallback: false });
  expect(stale.render({ name: "Bo" })).toBe("Welcome back, Bo!");

  // Nothing cached and the server down: the fallback, and without one a GalleyError.
  const cold = createGalley({ baseUrl: front.url, apiKey: key });
  const fallback = await cold.getPrompt<{ name: string }>("sdk/welcome", {
    ...opts,
    fallback: { template: "Hello, {{name}}." },
  });
  expect(fallback).toMatchObject({ isFallback: true, version: null });
  expect(fallback.render({ name: "Cy" })).toBe("Hello, Cy.");
  await expect(cold.getPrompt("sdk/welcome", opts)).rejects.toBeInstanceOf(GalleyError);

  // Refusals are not outages: a bad key or an unknown prompt throws even with a fallback.
  await front.up();
  const wrong = createGalley({ baseUrl: front.url, apiKey: "gk_wrong-key-0000000000000000" });
  await expect(wrong.getPrompt("sdk/welcome", { ...opts, fallback: { template: "x" } })).rejects.toMatchObject({
    status: 401,
  });
  await expect(cold.getPrompt("sdk/nope", { ...opts, fallback: { template: "x" } })).rejects.toMatchObject({
    status: 404,
  });
  await front.down();

  // The CommonJS build exposes the same API.
  const cjs = createRequire(path.resolve("package.json"))("./sdk/dist/index.cjs") as typeof Sdk;
  expect(typeof cjs.createGalley).toBe("function");
});
