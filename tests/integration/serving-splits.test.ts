// Serving a release (a split between versions) over real HTTP, through the hot-path handler the
// custom server mounts before Next.js, on each database: units stick to an arm and spread as the
// weights say, each arm has its headers, ETag and 304, ?version= never splits, Langfuse's get
// splits alike, and a cached split answers without the database. The release and the pointer are
// written directly (in servingTransaction, as every change to what is served is).
import { LangfuseClient } from "@langfuse/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { generationOf, invalidateServing, servingCacheBytes, servingCacheEnabled } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { notifyServingChange } from "@/lib/db/notify-serving-change";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { assignArm, type Arm } from "@/lib/releases/arms";
import { getCachedServedPrompt } from "@/lib/serving/get-served-prompt";
import { renderServedPrompt } from "@/lib/serving/render-served-prompt";
import { startServingListener } from "@/lib/serving/start-serving-listener";

import { ctxFor, makeProject, placeVersion, startHotPathServer } from "./helpers";

const saved = process.env.GALLEY_API_RATE_LIMIT;
process.env.GALLEY_API_RATE_LIMIT = "100000";
const kind = process.env.GALLEY_TEST_DB;

type Served = { version: number; release: string | null; environment: string | null; description: string };

describe(`serving splits on ${kind}`, () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let server: Awaited<ReturnType<typeof startHotPathServer>>;
  let stopListener: () => Promise<void>;
  let secret: string;
  let promptId: string;
  let releaseId: string;
  const canary: Arm[] = [
    { version: 1, weight: 90 },
    { version: 2, weight: 10 },
  ];
  const owner = () => fixture.members[0]!.user;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${secret}`, ...headers } });
  const served = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers);
    expect(res.status, path).toBe(200);
    return { res, body: (await res.json()) as Served };
  };
  const armOf = (unit: string) => assignArm(canary, { promptId, releaseId, unit }).version;
  /** On PostgreSQL, NOTIFY echoes of earlier changes clear this instance's answers late: wait until they are in. */
  const settle = async () => {
    if (kind !== "postgres") return;
    const marker = `marker-${fixture.project.id}`;
    const before = generationOf(marker);
    await db.$transaction((tx) => notifyServingChange({ tx, kind: "prompts", projectId: marker }));
    await expect.poll(() => generationOf(marker), { timeout: 10_000 }).toBeGreaterThan(before);
  };

  beforeAll(async () => {
    await applyMigrations();
    stopListener = startServingListener();
    fixture = await makeProject(["OWNER"]);
    const ctx = ctxFor(owner());
    promptId = (
      await createPrompt({
        ctx,
        projectId: fixture.project.id,
        input: { name: "support/reply", type: "TEXT", description: "Replies", tags: [] },
      })
    ).id;
    for (const n of [1, 2])
      await saveVersion({
        ctx,
        projectId: fixture.project.id,
        promptId,
        authorId: owner().id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template: `Reply ${n} to {{name}}.`, contract: { variables: [] }, modelConfig: {} },
      });
    await placeVersion({ projectId: fixture.project.id, promptId, slug: "production", version: 1, by: owner() });
    await placeVersion({ projectId: fixture.project.id, promptId, slug: "staging", version: 1, by: owner() });
    const production = await db.environment.findFirstOrThrow({
      where: { projectId: fixture.project.id, slug: "production" },
    });
    // What helper R's lifecycle writes when a canary starts: the release, and the pointer naming it
    // (its version stays the base).
    releaseId = await servingTransaction(fixture.project.id, async (tx) => {
      const release = await tx.release.create({
        data: {
          projectId: fixture.project.id,
          environmentId: production.id,
          promptId,
          baseVersion: 1,
          arms: canary,
          createdById: owner().id,
          createdByName: owner().name,
        },
      });
      await tx.environmentPrompt.update({
        where: { environmentId_promptId: { environmentId: production.id, promptId } },
        data: { releaseId: release.id },
      });
      return release.id;
    });
    secret = (
      await createApiKey({
        ctx,
        projectId: fixture.project.id,
        creator: { id: owner().id, name: owner().name },
        input: { name: "app", scopes: ["prompts:read"], expiresAt: null },
      })
    ).secret;
    server = await startHotPathServer();
    // On PostgreSQL the cache is on only while the listener is connected, as in the server.
    for (let i = 0; i < 400 && !servingCacheEnabled(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(servingCacheEnabled()).toBe(true);
  });
  afterAll(async () => {
    await server?.close();
    await stopListener?.();
    if (saved === undefined) delete process.env.GALLEY_API_RATE_LIMIT;
    else process.env.GALLEY_API_RATE_LIMIT = saved;
  });

  it("gives 1,000 units the versions the weights say, each the same one again (by ?unit= or Galley-Unit), from one cached answer", async () => {
    await settle();
    await served("/api/prompts/support/reply?unit=warm-up");
    const bytes = servingCacheBytes();
    const units = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
    const first = new Map<string, Served>();
    const again = new Map<string, Served>();
    for (let i = 0; i < units.length; i += 25)
      await Promise.all(
        units.slice(i, i + 25).map(async (unit) => {
          first.set(unit, (await served(`/api/prompts/support/reply?unit=${unit}`)).body);
          again.set(unit, (await served("/api/prompts/support/reply", { "galley-unit": unit })).body);
        }),
      );
    const onCanary = units.filter((unit) => first.get(unit)!.version === 2).length;
    // Expected 100 (σ ≈ 9.5); the release id is new each run, so the bound is loose.
    expect(onCanary).toBeGreaterThan(55);
    expect(onCanary).toBeLessThan(145);
    for (const unit of units) {
      const body = first.get(unit)!;
      expect(again.get(unit)!.version, unit).toBe(body.version);
      expect(body.version, unit).toBe(armOf(unit));
      expect(body.release).toBe(`${releaseId}.${body.version}`);
      expect(body.environment).toBe("production");
    }
    // Unit ids are neither cache keys nor parsed queries: the one cached split served them all.
    expect(servingCacheBytes()).toBe(bytes);
  });

  it("names the arm in headers, gives each arm its own ETag, and answers 304 per arm with the same headers", async () => {
    const units = Array.from({ length: 200 }, (_, i) => `etag-${i}`);
    const base = units.find((u) => armOf(u) === 1)!;
    const canaryUnit = units.find((u) => armOf(u) === 2)!;
    const a = await served(`/api/prompts/support/reply?unit=${base}`);
    const b = await served(`/api/prompts/support/reply?unit=${canaryUnit}`);
    expect([a.res.headers.get("galley-version"), b.res.headers.get("galley-version")]).toEqual(["1", "2"]);
    expect([a.res.headers.get("galley-release"), b.res.headers.get("galley-release")]).toEqual([
      `${releaseId}.1`,
      `${releaseId}.2`,
    ]);
    const etagA = a.res.headers.get("etag")!;
    const etagB = b.res.headers.get("etag")!;
    expect(etagA).not.toBe(etagB);
    const notModified = await get(`/api/prompts/support/reply?unit=${canaryUnit}`, { "if-none-match": etagB });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("galley-version")).toBe("2");
    expect(notModified.headers.get("galley-release")).toBe(`${releaseId}.2`);
    // The other arm's ETag is not this unit's answer.
    expect((await get(`/api/prompts/support/reply?unit=${base}`, { "if-none-match": etagB })).status).toBe(200);
    expect((await get("/api/prompts/support/reply", { "galley-unit": base, "if-none-match": etagA })).status).toBe(304);
    // ?unit wins over the header.
    expect((await served(`/api/prompts/support/reply?unit=${canaryUnit}`, { "galley-unit": base })).body.version).toBe(
      2,
    );
  });

  it("never splits a pinned version or an environment without a release, and says the version there too", async () => {
    const unit = Array.from({ length: 200 }, (_, i) => `pin-${i}`).find((u) => armOf(u) === 2)!;
    const pinned = await served(`/api/prompts/support/reply?version=1&unit=${unit}`);
    expect(pinned.body).toMatchObject({ version: 1, release: null, environment: null });
    expect(pinned.res.headers.get("galley-version")).toBe("1");
    expect(pinned.res.headers.get("galley-release")).toBeNull();
    const staging = await served(`/api/prompts/support/reply?environment=staging&unit=${unit}`);
    expect(staging.body).toMatchObject({ version: 1, release: null, environment: "staging" });
    expect(staging.res.headers.get("galley-release")).toBeNull();
  });

  it("splits Langfuse's get alike: the same arm per unit (query, header, or the SDK's additionalHeaders), Langfuse's shape plus release, both versions labelled production", async () => {
    const units = Array.from({ length: 200 }, (_, i) => `lf-${i}`);
    for (const version of [1, 2]) {
      const unit = units.find((u) => armOf(u) === version)!;
      const res = await get(`/api/public/v2/prompts/support%2Freply?label=production&unit=${unit}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("galley-release")).toBe(`${releaseId}.${version}`);
      expect(await res.json()).toMatchObject({
        name: "support/reply",
        version,
        prompt: `Reply ${version} to {{name}}.`,
        labels: version === 2 ? ["production", "latest"] : ["staging", "production"],
        release: `${releaseId}.${version}`,
      });
      const byHeader = await get("/api/public/v2/prompts/support%2Freply", { "galley-unit": unit });
      expect(((await byHeader.json()) as Served).version).toBe(version);
      // Langfuse's SDK takes the unit per client (its cache is per name and label), and keeps `release`.
      const langfuse = new LangfuseClient({
        publicKey: "galley",
        secretKey: secret,
        baseUrl: server.base,
        additionalHeaders: { "Galley-Unit": unit },
      });
      const prompt = await langfuse.prompt.get("support/reply", { label: "production" });
      expect(prompt.version).toBe(version);
      expect((prompt.promptResponse as { release?: string }).release).toBe(`${releaseId}.${version}`);
    }
  });

  it("renders the unit's arm, as GET would serve it to that unit", async () => {
    const units = Array.from({ length: 200 }, (_, i) => `render-${i}`);
    for (const unit of [1, 2].map((version) => units.find((u) => armOf(u) === version)!)) {
      const rendered = await renderServedPrompt({
        projectId: fixture.project.id,
        name: "support/reply",
        selector: {},
        variables: { name: "Ana" },
        strict: false,
        unit,
      });
      expect(rendered).toMatchObject({ version: armOf(unit), text: `Reply ${armOf(unit)} to Ana.` });
    }
  });

  it("refuses a unit id over 200 characters with 400 naming where it came from", async () => {
    const long = "u".repeat(201);
    const query = await get(`/api/prompts/support/reply?unit=${long}`);
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: { message: string } }).error.message).toMatch(
      /^unit: a unit id has at most 200 characters; this one has 201\./,
    );
    const header = await get("/api/prompts/support/reply", { "galley-unit": long });
    expect(header.status).toBe(400);
    expect(((await header.json()) as { error: { message: string } }).error.message).toMatch(/^Galley-Unit: /);
    const langfuse = await get(`/api/public/v2/prompts/support%2Freply?unit=${long}`);
    expect(langfuse.status).toBe(400);
    expect(((await langfuse.json()) as { message: string }).message).toMatch(/^unit: /);
    expect((await get(`/api/prompts/support/reply?unit=${"u".repeat(200)}`)).status).toBe(200);
  });

  it("answers a unit's second request from the cached split, without the database, until a change clears it", async () => {
    await settle();
    const unit = Array.from({ length: 200 }, (_, i) => `cache-${i}`).find((u) => armOf(u) === 2)!;
    expect((await served(`/api/prompts/support/reply?unit=${unit}`)).body).toMatchObject({ version: 2 });
    expect(
      getCachedServedPrompt({ projectId: fixture.project.id, name: "support/reply", query: { resolve: true } })?.split,
    ).toBeDefined();
    // Written behind the cache's back (no servingTransaction): only a database read would see it.
    await db.prompt.update({ where: { id: promptId }, data: { description: "Changed" } });
    await db.release.update({
      where: { id: releaseId },
      data: {
        arms: [
          { version: 1, weight: 99 },
          { version: 2, weight: 1 },
        ],
      },
    });
    expect((await served(`/api/prompts/support/reply?unit=${unit}`)).body).toMatchObject({
      version: 2,
      description: "Replies",
    });
    invalidateServing({ kind: "prompts", projectId: fixture.project.id });
    const fresh = (await served(`/api/prompts/support/reply?unit=${unit}`)).body;
    expect(fresh.description).toBe("Changed");
    // Put back for the rest of the file.
    await servingTransaction(fixture.project.id, (tx) =>
      tx.release.update({ where: { id: releaseId }, data: { arms: canary } }),
    );
  });

  it("serves everyone the pointer's version once the release ends (the cached split goes with the change)", async () => {
    const units = Array.from({ length: 100 }, (_, i) => `end-${i}`);
    const canaryUnit = units.find((u) => armOf(u) === 2)!;
    expect((await served(`/api/prompts/support/reply?unit=${canaryUnit}`)).body.version).toBe(2);
    await servingTransaction(fixture.project.id, async (tx) => {
      await tx.release.update({
        where: { id: releaseId },
        data: { status: "promoted", endVersion: 2, endedAt: new Date() },
      });
      await tx.environmentPrompt.updateMany({ where: { releaseId }, data: { releaseId: null, version: 2 } });
    });
    for (const unit of units.slice(0, 20)) {
      const { res, body } = await served(`/api/prompts/support/reply?unit=${unit}`);
      expect(body).toMatchObject({ version: 2, release: null });
      expect(res.headers.get("galley-release")).toBeNull();
    }
  });
});
