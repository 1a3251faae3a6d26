// Outcomes on each database: usage counts added in batches (two counters standing for two
// instances add into the same rows), feedback through its route (202, then rows after a flush; one row per id and prompt),
// the refusals naming what to fix, and the aggregations the Releases page reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { changeRelease } from "@/lib/deployments/change-release";
import { compareArms } from "@/lib/outcomes/arm-stats";
import { DEFAULT_MAX_FEEDBACK_ROWS } from "@/lib/outcomes/create-feedback-buffer";
import { createUsageCounter, type ServedRequest } from "@/lib/outcomes/create-usage-counter";
import { bufferFeedback, flushFeedback } from "@/lib/outcomes/feedback-buffer";
import { feedbackByArm } from "@/lib/outcomes/feedback-by-arm";
import { countServed, flushUsage } from "@/lib/outcomes/usage-counter";
import { usageSeries } from "@/lib/outcomes/usage-series";
import { writeUsageCounts } from "@/lib/outcomes/write-usage-counts";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { releaseToken } from "@/lib/releases/arms";

import { ctxFor, makeProject, placeVersion, startHotPathServer } from "./helpers";
import { callRoute } from "./route-client";

const ROUTE = "api/prompts/[...name]/route.ts";
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

describe(`outcomes (${process.env.GALLEY_TEST_DB})`, () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let projectId: string;
  let promptId: string;
  let productionId: string;
  let releaseId: string;
  let keyId: string;
  let secret: string;
  const owner = () => fixture.members[0]!.user;

  const feedback = (body: unknown, headers: Record<string, string> = {}) =>
    callRoute(ROUTE, {
      method: "POST",
      params: { name: ["support", "reply", "feedback"] },
      headers: { authorization: `Bearer ${secret}`, ...headers },
      ...(typeof body === "string" ? { raw: body } : { body }),
    });
  const refusal = async (body: unknown) => {
    const res = await feedback(body);
    return { status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message };
  };

  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["OWNER"]);
    projectId = fixture.project.id;
    const prompt = await createPrompt({
      ctx: ctxFor(owner()),
      projectId,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    promptId = prompt.id;
    for (const n of [1, 2])
      await saveVersion({
        ctx: ctxFor(owner()),
        projectId,
        promptId,
        authorId: owner().id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template: `Reply v${n}`, contract: { variables: [] }, modelConfig: { model: "gpt-4o-mini" } },
      });
    await placeVersion({ projectId, promptId, slug: "production", version: 1, by: owner() });
    const production = await db.environment.findFirstOrThrow({ where: { projectId, slug: "production" } });
    productionId = production.id;
    // A split as the releases code leaves one (that code is tested in its own file): v1 90 %, v2 10 %.
    const release = await db.release.create({
      data: {
        projectId,
        environmentId: productionId,
        promptId,
        baseVersion: 1,
        arms: [
          { version: 1, weight: 90 },
          { version: 2, weight: 10 },
        ],
        createdById: owner().id,
        createdByName: owner().name,
      },
    });
    releaseId = release.id;
    const key = await createApiKey({
      ctx: ctxFor(owner()),
      projectId,
      creator: { id: owner().id, name: owner().name },
      input: { name: "app", scopes: ["prompts:read"], expiresAt: null },
    });
    secret = key.secret;
    keyId = (await db.apiKey.findFirstOrThrow({ where: { projectId, name: "app" } })).id;
  });

  afterAll(async () => {
    await flushUsage();
    await flushFeedback();
  });

  const servedAs = (over: Partial<ServedRequest>): ServedRequest => ({
    projectId,
    promptId,
    environmentId: productionId,
    releaseId,
    version: 1,
    apiKeyId: keyId,
    ...over,
  });

  it("counts exactly after a flush, and two instances' counters add into the same rows", async () => {
    let clock = T0 + 5_000;
    const first = createUsageCounter({ write: writeUsageCounts, now: () => clock });
    const second = createUsageCounter({ write: writeUsageCounts, now: () => clock });
    for (let i = 0; i < 9; i++) first.count(servedAs({ version: 1 }));
    first.count(servedAs({ version: 2 }));
    for (let i = 0; i < 4; i++) second.count(servedAs({ version: 1 }));
    for (let i = 0; i < 3; i++) second.count(servedAs({ version: 2 }));
    clock = T0 + 60_000 * 2 + 1;
    second.count(servedAs({ version: 2 }));
    // Both at once, as two instances' timers may: the inserts meet on the same rows.
    await Promise.all([first.flush(), second.flush()]);
    for (let i = 0; i < 2; i++) first.count(servedAs({ version: 2 }));
    await first.flush();
    const rows = await db.usageCount.findMany({
      where: { releaseId },
      orderBy: [{ minute: "asc" }, { version: "asc" }],
      select: { version: true, minute: true, count: true, environmentId: true, apiKeyId: true },
    });
    expect(rows).toEqual([
      { version: 1, minute: new Date(T0), count: 13, environmentId: productionId, apiKeyId: keyId },
      { version: 2, minute: new Date(T0), count: 4, environmentId: productionId, apiKeyId: keyId },
      { version: 2, minute: new Date(T0 + 120_000), count: 3, environmentId: productionId, apiKeyId: keyId },
    ]);
  });

  it("counts through the process's counter, with '' for no environment and no release", async () => {
    countServed(servedAs({ environmentId: null, releaseId: null, version: 2 }));
    countServed(servedAs({ environmentId: null, releaseId: null, version: 2 }));
    await flushUsage();
    const rows = await db.usageCount.findMany({ where: { promptId, environmentId: "", releaseId: "" } });
    expect(rows.map((row) => [row.version, row.count])).toEqual([[2, 2]]);
  });

  it("keeps counts and feedback the database refused, and writes them once it takes them again", async () => {
    // A constraint no row meets makes the real database refuse the batch, as an outage would.
    const refuse = (table: string) =>
      db.$executeRawUnsafe(`ALTER TABLE "${table}" ADD CONSTRAINT "refuse_all" CHECK (false) NOT VALID`);
    const accept = (table: string) => db.$executeRawUnsafe(`ALTER TABLE "${table}" DROP CONSTRAINT "refuse_all"`);
    const held = { projectId, promptId, environmentId: null, releaseId: null, version: 1 };
    await refuse("UsageCount");
    await refuse("Feedback");
    try {
      countServed(servedAs(held));
      expect((await feedback({ version: 1, score: -3, traceId: "refused-once" })).status).toBe(202);
      await flushUsage();
      await flushFeedback();
      expect(await db.feedback.count({ where: { traceId: "refused-once" } })).toBe(0);
    } finally {
      await accept("UsageCount");
      await accept("Feedback");
    }
    countServed(servedAs(held));
    await flushUsage();
    await flushFeedback();
    const counted = await db.usageCount.findMany({ where: { promptId, environmentId: "", version: 1 } });
    expect(counted.map((row) => row.count)).toEqual([2]);
    expect(await db.feedback.count({ where: { traceId: "refused-once" } })).toBe(1);
    await db.feedback.deleteMany({ where: { traceId: "refused-once" } });
  });

  it("answers 503 with Retry-After, rather than dropping feedback, when the buffer is full and the database refuses", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "Feedback" ADD CONSTRAINT "refuse_all" CHECK (false) NOT VALID`);
    const row = {
      projectId,
      promptId,
      version: 1,
      environmentId: null,
      releaseId: null,
      apiKeyId: keyId,
      kind: "number" as const,
      score: 1,
      comment: "",
      traceId: "filler",
      unit: null,
      requestId: null,
      createdAt: new Date(),
    };
    try {
      for (let i = 0; i < DEFAULT_MAX_FEEDBACK_ROWS; i++) await bufferFeedback(row);
      const refused = await feedback({ version: 1, score: 1, traceId: "one-too-many" });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /^Feedback cannot be stored right now .* send it again in 5 s\.$/,
      );
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Feedback" DROP CONSTRAINT "refuse_all"`);
    }
    expect((await feedback({ version: 1, score: 1, traceId: "one-too-many" })).status).toBe(202);
    await flushFeedback();
    expect(await db.feedback.count({ where: { traceId: "filler" } })).toBe(DEFAULT_MAX_FEEDBACK_ROWS);
    expect(await db.feedback.count({ where: { traceId: "one-too-many" } })).toBe(1);
    await db.feedback.deleteMany({ where: { traceId: { in: ["filler", "one-too-many"] } } });
  });

  it("gives usage per version per bucket, zeros included, in the bucket that fits 500 points", async () => {
    const scope = { projectId, releaseId };
    const minutes = await usageSeries({ ...scope, from: new Date(T0), to: new Date(T0 + 5 * 60_000) });
    expect(minutes.bucket).toBe("minute");
    expect(minutes.start).toEqual(new Date(T0));
    expect(minutes.series).toEqual([
      { version: 1, total: 13, counts: [13, 0, 0, 0, 0] },
      { version: 2, total: 7, counts: [4, 0, 3, 0, 0] },
    ]);
    const hours = await usageSeries({ ...scope, from: new Date(T0 - 3_600_000), to: new Date(T0 + 24 * 3_600_000) });
    expect(hours.bucket).toBe("hour");
    expect(hours.series.map((s) => [s.version, s.counts.length, s.counts[1]])).toEqual([
      [1, 25, 13],
      [2, 25, 7],
    ]);
    const days = await usageSeries({ ...scope, from: new Date(T0 - 90 * 86_400_000), to: new Date(T0 + 3_600_000) });
    expect(days.bucket).toBe("day");
    expect(days.series[1]!.counts.at(-1)).toBe(7);
    const byEnvironment = await usageSeries({
      projectId,
      promptId,
      environmentId: productionId,
      from: new Date(T0),
      to: new Date(T0 + 60_000),
    });
    expect(byEnvironment.series.map((s) => s.total)).toEqual([13, 4]);
    await expect(usageSeries({ ...scope, from: new Date(T0), to: new Date(T0 + 501 * 86_400_000) })).rejects.toThrow(
      /at most 500 days/,
    );
  });

  it("accepts feedback with 202 and writes it in the next batch", async () => {
    const accepted = await feedback({ release: releaseToken(releaseId, 2), score: "up", traceId: "t-1", unit: "u-1" });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ accepted: true });
    expect((await feedback({ version: 1, environment: "production", score: 4.5, comment: "Polite." })).status).toBe(
      202,
    );
    expect((await feedback({ version: 2, score: "down" })).status).toBe(202);
    // Buffered, not written per request.
    expect(await db.feedback.count({ where: { promptId } })).toBe(0);
    await flushFeedback();
    const rows = await db.feedback.findMany({
      where: { promptId },
      orderBy: { createdAt: "asc" },
      select: {
        version: true,
        releaseId: true,
        environmentId: true,
        kind: true,
        score: true,
        comment: true,
        traceId: true,
        unit: true,
        apiKeyId: true,
      },
    });
    expect(rows).toEqual([
      {
        version: 2,
        releaseId,
        environmentId: productionId,
        kind: "thumbs",
        score: 1,
        comment: "",
        traceId: "t-1",
        unit: "u-1",
        apiKeyId: keyId,
      },
      {
        version: 1,
        releaseId: null,
        environmentId: productionId,
        kind: "number",
        score: 4.5,
        comment: "Polite.",
        traceId: null,
        unit: null,
        apiKeyId: keyId,
      },
      {
        version: 2,
        releaseId: null,
        environmentId: null,
        kind: "thumbs",
        score: -1,
        comment: "",
        traceId: null,
        unit: null,
        apiKeyId: keyId,
      },
    ]);
  });

  it("refuses bad bodies naming the field, and unknown releases and versions", async () => {
    expect(await refusal("{")).toEqual({ status: 400, message: "The request body must be JSON." });
    expect(await refusal({ score: "up" })).toEqual({
      status: 422,
      message: 'version: Say which version was rated: send the answer\'s "release", or its "version".',
    });
    expect(await refusal({ version: 1, score: "meh" })).toEqual({
      status: 422,
      message: 'score: A score is "up", "down" or a finite number.',
    });
    expect(await refusal({ version: 1, score: 2e6 })).toMatchObject({
      status: 422,
      message: /^score: A score is from -1000000 to 1000000/,
    });
    expect(await refusal({ version: 1, score: 1, comment: "x".repeat(2001) })).toMatchObject({
      status: 422,
      message: "comment: A comment is at most 2000 characters.",
    });
    expect(await refusal({ version: 1, score: 1, unit: "u".repeat(201) })).toMatchObject({ status: 422 });
    expect(await refusal({ release: "not a token", score: 1 })).toMatchObject({ status: 422, message: /^release: / });
    expect(await refusal({ release: releaseToken("cnosuchrelease", 1), score: 1 })).toMatchObject({
      status: 404,
      message: /support\/reply has no release cnosuchrelease/,
    });
    expect(await refusal({ release: releaseToken(releaseId, 7), score: 1 })).toEqual({
      status: 422,
      message: `release: Version 7 is not an arm of release ${releaseId}.`,
    });
    expect(await refusal({ release: releaseToken(releaseId, 2), version: 1, score: 1 })).toMatchObject({
      status: 422,
      message: 'version: The version differs from the one in "release"; send one of them.',
    });
    expect(await refusal({ release: releaseToken(releaseId, 2), environment: "staging", score: 1 })).toMatchObject({
      status: 422,
      message: /^environment: .* ran in production, not staging/,
    });
    expect(await refusal({ version: 9, score: 1 })).toEqual({
      status: 404,
      message: "support/reply has no version 9.",
    });
    expect(await refusal({ version: 1, environment: "nowhere", score: 1 })).toMatchObject({ status: 404 });
    const res = await callRoute(ROUTE, {
      method: "POST",
      params: { name: ["support", "nothing", "feedback"] },
      headers: { authorization: `Bearer ${secret}` },
      body: { version: 1, score: 1 },
    });
    expect(res.status).toBe(404);
    const big = await feedback({ version: 1, score: 1 }, { "content-length": String(64 * 1024) });
    expect(big.status).toBe(413);
    await flushFeedback();
    expect(await db.feedback.count({ where: { promptId } })).toBe(3);
  });

  it("stores a rating once per id and prompt: repeated in one batch, or retried after a flush", async () => {
    const other = await createPrompt({
      ctx: ctxFor(owner()),
      projectId,
      input: { name: "support/other", type: "TEXT", description: "", tags: [] },
    });
    const rate = (body: Record<string, unknown>) => feedback({ version: 1, traceId: "idempotent", ...body });
    for (const body of [
      { id: "rating-1", score: 1 },
      { id: "rating-1", score: 2 },
      { id: "rating-2", score: 3 },
      { score: 4 },
      { score: 4 },
    ])
      expect((await rate(body)).status).toBe(202);
    const onOther = { projectId, promptId: other.id, version: 1, environmentId: null, releaseId: null };
    await bufferFeedback({
      ...onOther,
      apiKeyId: keyId,
      kind: "number",
      score: 9,
      comment: "",
      traceId: "idempotent",
      unit: null,
      requestId: "rating-1",
      createdAt: new Date(),
    });
    await flushFeedback();
    // The retry of a rating whose 202 was lost: answered 202 again, not stored again.
    const retried = await rate({ id: "rating-1", score: 5 });
    expect(retried.status).toBe(202);
    expect(await retried.json()).toEqual({ accepted: true });
    await flushFeedback();
    const stored = (id: string) =>
      db.feedback.findMany({
        where: { promptId: id, traceId: "idempotent" },
        orderBy: { score: "asc" },
        select: { requestId: true, score: true },
      });
    expect(await stored(promptId)).toEqual([
      { requestId: "rating-1", score: 1 },
      { requestId: "rating-2", score: 3 },
      { requestId: null, score: 4 },
      { requestId: null, score: 4 },
    ]);
    expect(await stored(other.id)).toEqual([{ requestId: "rating-1", score: 9 }]);
    for (const id of ["", "has space", "é", "x".repeat(101)])
      expect(await refusal({ version: 1, score: 1, id })).toEqual({
        status: 422,
        message: 'id: The id is 1 to 100 characters of A-Z, a-z, 0-9, ".", "_", ":" and "-".',
      });
    expect((await rate({ id: "A-z_0.9:" + "x".repeat(92), score: 6 })).status).toBe(202);
    await flushFeedback();
    expect(await db.feedback.count({ where: { traceId: "idempotent" } })).toBe(6);
    await db.feedback.deleteMany({ where: { traceId: "idempotent" } });
  });

  it("sums feedback per arm in one query, which compareArms reads", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      projectId,
      promptId,
      environmentId: productionId,
      releaseId,
      apiKeyId: keyId,
      version: i < 20 ? 1 : 2,
      kind: "thumbs",
      score: i < 20 ? (i % 2 === 0 ? 1 : -1) : 1,
      createdAt: new Date(T0 + i * 1000),
    }));
    await db.feedback.createMany({ data: rows });
    await db.feedback.createMany({
      data: [2, 3, 7].map((score) => ({
        projectId,
        promptId,
        environmentId: productionId,
        releaseId,
        apiKeyId: keyId,
        version: 2,
        kind: "number",
        score,
        createdAt: new Date(T0),
      })),
    });
    const arms = await feedbackByArm({ projectId, releaseId });
    expect(arms).toEqual([
      { version: 1, count: 0, sum: 0, sumSquares: 0, ups: 10, downs: 10 },
      // The thumbs-up sent through the route earlier counts too.
      { version: 2, count: 3, sum: 12, sumSquares: 62, ups: 21, downs: 0 },
    ]);
    const since = await feedbackByArm({ projectId, releaseId, since: new Date(T0 + 30_000) });
    expect(since.map((arm) => [arm.version, arm.ups])).toEqual([[2, 11]]);
    const byEnvironment = await feedbackByArm({ projectId, promptId, environmentId: productionId });
    expect(byEnvironment.map((arm) => [arm.version, arm.count, arm.ups, arm.downs])).toEqual([
      [1, 1, 10, 10],
      [2, 3, 21, 0],
    ]);
    expect(compareArms(arms[0]!, arms[1]!).sentence).toBe(
      "Not enough data yet: 21 ratings for v2 and 20 ratings for v1, at least 30 needed.",
    );
  });

  it("counts what the hot path and render serve, per version, environment and key", async () => {
    const server = await startHotPathServer();
    const count = (where: { environmentId: string; version: number }) =>
      db.usageCount
        .aggregate({ where: { promptId, apiKeyId: keyId, releaseId: "", ...where }, _sum: { count: true } })
        .then((sum) => sum._sum.count ?? 0);
    const before = {
      production: await count({ environmentId: productionId, version: 1 }),
      pinned: await count({ environmentId: "", version: 2 }),
    };
    try {
      const get = (query: string) =>
        fetch(`${server.base}/api/prompts/support/reply${query}`, { headers: { authorization: `Bearer ${secret}` } });
      for (let i = 0; i < 3; i++) expect((await get("?environment=production")).status).toBe(200);
      expect((await get("?version=2")).status).toBe(200);
      expect((await get("?version=9")).status).toBe(404); // not served: not counted
    } finally {
      await server.close();
    }
    const rendered = await callRoute(ROUTE, {
      method: "POST",
      params: { name: ["support", "reply", "render"] },
      headers: { authorization: `Bearer ${secret}` },
      body: { environment: "production" },
    });
    expect(rendered.status).toBe(200);
    await flushUsage();
    expect(await count({ environmentId: productionId, version: 1 })).toBe(before.production + 4);
    expect(await count({ environmentId: "", version: 2 })).toBe(before.pinned + 1);
  });

  it("counts each arm of a running split under its release, as served", async () => {
    await placeVersion({ projectId, promptId, slug: "development", version: 1, by: owner() });
    const { release } = await changeRelease({
      ctx: ctxFor(owner()),
      projectId,
      projectSlug: fixture.project.slug,
      actor: { id: owner().id, name: owner().name, role: "OWNER" },
      promptId,
      step: {
        kind: "start",
        environmentSlug: "development",
        arms: [
          { version: 1, weight: 50 },
          { version: 2, weight: 50 },
        ],
      },
    });
    const server = await startHotPathServer();
    const served = new Map<number, number>();
    try {
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${server.base}/api/prompts/support/reply?environment=development&unit=user-${i}`, {
          headers: { authorization: `Bearer ${secret}` },
        });
        const { version } = (await res.json()) as { version: number };
        served.set(version, (served.get(version) ?? 0) + 1);
      }
    } finally {
      await server.close();
    }
    expect([...served.keys()].sort()).toEqual([1, 2]);
    await flushUsage();
    const rows = await db.usageCount.groupBy({
      by: ["version"],
      where: { releaseId: release!.id },
      _sum: { count: true },
      orderBy: { version: "asc" },
    });
    expect(rows.map((row) => [row.version, row._sum.count])).toEqual([
      [1, served.get(1)],
      [2, served.get(2)],
    ]);
  });
});
