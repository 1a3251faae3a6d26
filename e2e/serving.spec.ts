import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";

import { expect, PROJECT, signInOverHttp, test } from "./fixtures";

const content = (template: string) => ({
  template,
  contract: { variables: [] },
  modelConfig: { model: "gpt-4o-mini" },
});

test("an admin creates an API key, an app reads the deployed prompt with it (304 when unchanged), and revoking it locks the app out", async ({
  page,
}) => {
  const api = `/api/projects/${PROJECT}`;
  const prompt = await (
    await page.request.post(`${api}/prompts`, { data: { name: "serving/greeting", type: "TEXT" } })
  ).json();
  expect(
    (
      await page.request.post(`${api}/prompts/${prompt.id}/versions`, {
        data: { baseVersion: 0, message: "v1", content: content("Hello {{name}}") },
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await page.request.post(`${api}/prompts/${prompt.id}/deployments`, {
        data: { environment: "development", version: 1 },
      })
    ).status(),
  ).toBe(200);

  await page.goto(`/p/${PROJECT}/settings/api-keys`);
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByRole("alert")).toContainText("Name the key");
  await form.getByLabel("Name").fill("greeting app");
  await form.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByTestId("api-key-secret").textContent())!.trim();
  expect(secret).toMatch(/^gk_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("region", { name: "New API key" })).toContainText("It will not be shown again.");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("api-key-secret")).toHaveCount(0);
  const row = page.getByTestId(`api-key-${secret.slice(0, 11)}`);
  await expect(row).toContainText("greeting app");
  await expect(row).toContainText("prompts:read");

  const auth = { authorization: `Bearer ${secret}` };
  const res = await page.request.get("/api/prompts/serving/greeting?environment=development", { headers: auth });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({
    name: "serving/greeting",
    version: 1,
    environment: "development",
    template: "Hello {{name}}",
  });
  const etag = res.headers()["etag"]!;
  expect(
    (
      await page.request.get("/api/prompts/serving/greeting?environment=development", {
        headers: { ...auth, "if-none-match": etag },
      })
    ).status(),
  ).toBe(304);
  expect((await page.request.get("/api/prompts/serving/greeting", { headers: auth })).status()).toBe(404);
  const rendered = await page.request.post("/api/prompts/serving/greeting/render", {
    headers: auth,
    data: { environment: "development", variables: { name: "Ana" } },
  });
  expect(await rendered.json()).toMatchObject({
    text: "Hello Ana",
    messages: [{ role: "user", content: "Hello Ana" }],
    model: "gpt-4o-mini",
  });
  expect(
    (
      await page.request.post("/api/prompts/serving/greeting/versions", {
        headers: auth,
        data: { message: "x", content: content("x") },
      })
    ).status(),
  ).toBe(403);
  expect((await page.request.get("/api/openapi.json")).status()).toBe(200);

  // The prompt's "Use this prompt" tab shows the calls with its name, environment and variables.
  await page.goto(`/p/${PROJECT}/prompts/serving/greeting`);
  const use = page.getByTestId("use-prompt");
  // A click that lands while the page is still hydrating can be lost (CI, under load): click again,
  // as a person would, until the tab is there.
  await expect(async () => {
    if (!(await use.isVisible())) await page.getByRole("link", { name: "Use this prompt" }).click();
    await expect(use).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(use).toContainText("Development (v1)");
  await expect(use).toContainText("/api/prompts/serving/greeting?environment=development");
  await expect(use).toContainText(
    'galley.getPrompt<{ name: string }>("serving/greeting", { environment: "development" })',
  );

  await page.goto(`/p/${PROJECT}/settings/api-keys`);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("dialog", { name: "Revoke the key “greeting app”?" })).toBeVisible();
  await row.getByRole("button", { name: "Revoke now" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(row).toContainText("Revoked");
  const locked = await page.request.get("/api/prompts/serving/greeting?environment=development", { headers: auth });
  expect(locked.status()).toBe(401);
  expect((await locked.json()).error.message).toMatch(/was revoked/);
});

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

test("two instances on one PostgreSQL: a promotion through A is served by B within a second, a key revoked on A stops working on B, and both count what they served into the same totals", async () => {
  test.slow();
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin)
    throw new Error(
      'TEST_DATABASE_URL is not set. Start a throwaway server with: eval "$(scripts/throwaway-postgres.sh start /tmp/galley-pg)"',
    );
  const name = `galley_e2e_${crypto.randomBytes(6).toString("hex")}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  const key = `gk_two-instances-${crypto.randomBytes(12).toString("hex")}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url.toString(),
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    GALLEY_SEED_API_KEY: key,
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
  };
  const servers: ChildProcess[] = [];
  const contexts: APIRequestContext[] = [];
  try {
    const seeded = spawnSync("node_modules/.bin/tsx", ["scripts/seed.ts"], { env, encoding: "utf8" });
    expect(seeded.status, seeded.stderr).toBe(0);
    const [portA, portB] = [await freePort(), await freePort()];
    for (const port of [portA, portB])
      servers.push(
        spawn("node_modules/.bin/tsx", ["server.ts"], {
          env: { ...env, PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}` },
          stdio: ["ignore", "ignore", "inherit"],
        }),
      );
    const [a, b] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    for (const base of [a, b]) {
      await expect
        .poll(
          () =>
            fetch(`${base}/api/health`)
              .then((r) => r.status)
              .catch(() => 0),
          { timeout: 90_000, intervals: [500] },
        )
        .toBe(200);
    }
    // Both cache answers, which is what makes the invalidation across instances matter.
    for (const base of [a, b])
      await expect
        .poll(
          () =>
            fetch(`${base}/api/health`)
              .then((r) => r.json())
              .then((h: { servingCache?: string }) => h.servingCache),
          { timeout: 10_000 },
        )
        .toBe("on");
    // Every answer served, by version, to check the usage both instances count.
    const served = new Map<number, number>();
    const version = (base: string) =>
      fetch(`${base}/api/prompts/support/refund-reply`, { headers: { authorization: `Bearer ${key}` } }).then(
        async (r) => {
          if (!r.ok) return -r.status;
          const { version } = (await r.json()) as { version: number };
          served.set(version, (served.get(version) ?? 0) + 1);
          return version;
        },
      );
    expect(await version(b)).toBe(2);
    expect(await version(b)).toBe(2); // now from B's cache

    // Through A: an editor saves v3 and asks the reviewer, who approves; the owner promotes.
    const as = async (email: string) => {
      const ctx = await playwrightRequest.newContext({ baseURL: a });
      contexts.push(ctx);
      await signInOverHttp(ctx, email, "galley-demo-password");
      return ctx;
    };
    const [eddie, rita, olivia] = [
      await as("eddie@demo.galley.test"),
      await as("rita@demo.galley.test"),
      await as("olivia@demo.galley.test"),
    ];
    const project = "/api/projects/acme-support";
    const prompt = (
      (await (await eddie.get(`${project}/prompts?q=support%2Frefund-reply`)).json()) as {
        prompts: Array<{ id: string; name: string }>;
      }
    ).prompts.find((p) => p.name === "support/refund-reply")!;
    const detail = (await (await eddie.get(`${project}/prompts/${prompt.id}/versions/2`)).json()) as {
      content: unknown;
    };
    expect(
      (
        await eddie.post(`${project}/prompts/${prompt.id}/versions`, {
          data: { baseVersion: 2, message: "v3", content: detail.content },
        })
      ).status(),
    ).toBe(200);
    const ritaId = ((await (await rita.get("/api/auth/session")).json()) as { userId: string }).userId;
    const review = (await (
      await eddie.post(`${project}/reviews`, {
        data: { promptId: prompt.id, version: 3, environment: "production", reviewerIds: [ritaId] },
      })
    ).json()) as { number: number };
    expect(
      (await rita.post(`${project}/reviews/${review.number}/decisions`, { data: { decision: "approve" } })).status(),
    ).toBe(200);
    expect((await olivia.post(`${project}/reviews/${review.number}/promote`, { data: {} })).status()).toBe(200);
    const promotedAt = Date.now();
    let seenAt = 0;
    while (Date.now() - promotedAt < 5000) {
      if ((await version(b)) === 3) {
        seenAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seenAt, "B never served v3").toBeGreaterThan(0);
    expect(seenAt - promotedAt).toBeLessThanOrEqual(1000);
    for (let i = 0; i < 40; i++) expect(await version(b)).toBe(3);
    expect(await version(a)).toBe(3);

    // Revoking the key through A locks it out of B at once.
    const keys = (await (await olivia.get(`${project}/api-keys`)).json()) as { keys: Array<{ id: string }> };
    expect((await olivia.delete(`${project}/api-keys/${keys.keys[0]!.id}`)).status()).toBe(200);
    const revokedAt = Date.now();
    await expect.poll(() => version(b), { timeout: 1000, intervals: [20] }).toBe(-401);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(1000);
    for (let i = 0; i < 20; i++) expect(await version(b)).toBe(-401);

    // Both instances add their counts into the same rows; a graceful stop writes what is left.
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once("exit", r)))));
    const galleyDb = new pg.Client({ connectionString: url.toString() });
    await galleyDb.connect();
    const counted = await galleyDb
      .query<{ version: number; count: string }>(
        `SELECT "version", sum("count")::text AS "count" FROM "UsageCount" GROUP BY "version"`,
      )
      .finally(() => galleyDb.end());
    expect(Object.fromEntries(counted.rows.map((r) => [r.version, Number(r.count)]))).toEqual(
      Object.fromEntries(served),
    );
  } finally {
    for (const ctx of contexts) await ctx.dispose();
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once("exit", r)))));
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  }
});

test("the server refuses an address with a NUL character, and a body over the limit, before any page or route reads them", async ({
  page,
}) => {
  const nul = await page.request.get(`/p/${PROJECT}/prompts?q=%00`);
  expect(nul.status()).toBe(400);
  expect((await nul.json()).error).toMatchObject({ code: "bad_request", message: expect.stringContaining("NUL") });
  const big = await page.request.post("/api/signup", {
    headers: { "content-type": "application/json" },
    data: "x".repeat(3 * 1024 * 1024),
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toMatchObject({
    code: "payload_too_large",
    details: { limitBytes: 2 * 1024 * 1024 },
  });
});
