// Hostile input against every route handler in app/api, through the real handler and a signed-in
// session (or API key): NUL bytes, unpaired surrogates, deep nesting, huge numbers, wrong types,
// bad cursors and ids. Each must be refused with a 4xx naming the problem, never answered with a
// 5xx. Bodies start from a valid one per JSON route (so the fuzz reaches past the schema) and get
// one part replaced, one key added, or the whole text swapped; every route found on disk needs
// an entry here, so a new route cannot skip the fuzz.
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiKey } from "@/lib/api-keys/create-api-key";
import { addDatasetRows } from "@/lib/datasets/add-dataset-rows";
import { createDataset } from "@/lib/datasets/create-dataset";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { changeRelease } from "@/lib/deployments/change-release";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { createReview } from "@/lib/reviews/create-review";

import { ctxFor, makeProject, placeVersion, startHotPathServer } from "./helpers";
import { callRoute, routesExporting, runInRequestScope, signInAs, type RouteCall } from "./route-client";
import { seedDatasetVersion, seedEvalRun } from "./seed-eval-run";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const methods: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** JSON text spliced in as is: what JSON.stringify cannot write (1e400, 5,000 levels of brackets). */
class Raw {
  constructor(readonly text: string) {}
}
const toText = (value: unknown): string => {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toText).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toText(v)}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
};

const deepArray = new Raw("[".repeat(5000) + "]".repeat(5000));
const deepObject = new Raw('{"a":'.repeat(3000) + "1" + "}".repeat(3000));
const deepSections = "{{#a}}".repeat(3000) + "x" + "{{/a}}".repeat(3000);

const nastyText = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDC00y",
    "v2 \uD83D",
    "",
    " ",
    "%ZZ",
    "%00",
    "../..",
    "a".repeat(5000),
    deepSections,
    "{{> a/b}}",
    "2026-13-45",
    "💥\u202E",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const nastyNumber = fc.constantFrom(
  new Raw("1e400"),
  new Raw("-1e400"),
  new Raw("99999999999999999999"),
  2147483648,
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  new Raw("-0"),
);
const nastyValue = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 3, arbitrary: nastyNumber },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      [],
      {},
      deepArray,
      deepObject,
      ["\u0000"],
      { "\u0000": 1 },
      { "\uDFFF": "x" },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const nastyBody = fc.constantFrom(
  "",
  "{",
  "null",
  "[]",
  '"text"',
  "1e400",
  "{}",
  deepArray.text,
  deepObject.text,
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  "\u0000",
);

/** Every path (as keys) to a part of `value`, the root included. */
function pathsOf(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === "object" && !(value instanceof Raw))
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
}
function replaceAt(value: unknown, path: Array<string | number>, next: unknown, add: boolean): unknown {
  if (path.length === 0)
    return add && value && typeof value === "object" && !Array.isArray(value)
      ? { ...value, "x\u0000extra": next }
      : next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = replaceAt(copy[head!], rest, next, add);
  return copy;
}

const content = {
  template: "Hello {{name}}.",
  contract: { variables: [{ name: "name", type: "string" as const, required: true }] },
  modelConfig: { model: "gpt-4o-mini", temperature: 0.2 },
};

const canary = [
  { version: 1, weight: 90 },
  { version: 2, weight: 10 },
];

describe(`fuzzing every route handler (${process.env.GALLEY_TEST_DB})`, () => {
  let cookie: string;
  // Signing out everywhere revokes the session it comes with: it gets a session of its own, so the
  // rest of the fuzz keeps a signed-in owner.
  let spareCookie: string;
  const revokesItsSession = "api/account/sign-out-everywhere/route.ts";
  let apiKey: string;
  let params: Record<string, string | string[]>;
  let seeds: Record<string, unknown>;
  let server: Awaited<ReturnType<typeof startHotPathServer>>;
  let base: string;
  const failures: string[] = [];

  beforeAll(async () => {
    await applyMigrations();
    const { project, members } = await makeProject(["OWNER", "REVIEWER"]);
    const owner = members[0]!.user;
    const reviewer = members[1]!.user;
    const ctx = ctxFor(owner);
    cookie = await signInAs(owner);
    spareCookie = await signInAs(reviewer);
    const prompt = await createPrompt({
      ctx,
      projectId: project.id,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    for (const n of [1, 2])
      await saveVersion({
        ctx,
        projectId: project.id,
        promptId: prompt.id,
        authorId: owner.id,
        baseVersion: n - 1,
        message: `v${n}`,
        content,
      });
    const review = await createReview({
      ctx,
      project,
      actor: { id: owner.id, name: owner.name, role: "OWNER" },
      input: {
        promptId: prompt.id,
        version: 2,
        environment: "staging",
        reviewerIds: [reviewer.id],
        title: "",
        description: "",
      },
    });
    // An eval run under the review's number, so the eval-runs/[number] routes reach past their lookup.
    const rows = await seedDatasetVersion({
      projectId: project.id,
      userId: owner.id,
      rows: [{ values: { name: "x" } }],
    });
    await seedEvalRun({
      projectId: project.id,
      promptId: prompt.id,
      userId: owner.id,
      number: review.number,
      datasetVersion: { id: rows.version.id, datasetId: rows.dataset.id, rowIds: rows.rowIds },
      status: "finished",
      evaluators: [{ id: "ev", name: "ev", kind: "equals" }],
      columns: [{ role: "candidate", label: "v2" }],
      cell: () => ({ status: "done", output: "x", pass: true, score: 1 }),
    });
    apiKey = (
      await createApiKey({
        ctx,
        projectId: project.id,
        creator: { id: owner.id, name: owner.name },
        input: { name: "fuzz", scopes: ["prompts:read", "prompts:write"], expiresAt: null },
      })
    ).secret;
    const dataset = await createDataset({
      ctx,
      projectId: project.id,
      creatorId: owner.id,
      input: { name: "fuzz dataset", description: "" },
    });
    await addDatasetRows({
      ctx,
      projectId: project.id,
      datasetId: dataset.id,
      userId: owner.id,
      rows: [{ values: { name: "x" } }],
    });
    // A running split in development, so the release routes reach past their lookup.
    await placeVersion({ projectId: project.id, promptId: prompt.id, slug: "development", version: 1, by: owner });
    const { release } = await changeRelease({
      ctx,
      projectId: project.id,
      projectSlug: project.slug,
      actor: { id: owner.id, name: owner.name, role: "OWNER" },
      promptId: prompt.id,
      step: { kind: "start", environmentSlug: "development", arms: canary },
    });
    params = {
      releaseId: release!.id,
      project: project.slug,
      promptId: prompt.id,
      number: String(review.number),
      environment: "staging",
      userId: reviewer.id,
      name: ["support", "reply"],
      keyId: "no-such-key",
      inviteId: "no-such-invite",
      providerId: "no-such-provider",
      webhookId: "no-such-webhook",
      deliveryId: "no-such-delivery",
      commentId: "no-such-comment",
      testCaseId: "no-such-test-case",
      token: "no-such-token",
      nextauth: ["session"],
      datasetId: dataset.id,
      version: "1",
      evaluatorId: (
        await db.evaluator.create({
          data: { projectId: project.id, name: "fuzz evaluator", kind: "equals", config: {}, createdById: owner.id },
        })
      ).id,
    };
    // A valid body per JSON route: the fuzz changes one part of it at a time.
    seeds = {
      "POST api/signup/route.ts": {
        name: "Ada",
        email: "ada-fuzz@example.test",
        password: "correct horse battery staple 42",
      },
      "POST api/account/password/route.ts": {
        currentPassword: "not the password",
        newPassword: "another horse battery staple 43",
      },
      "PATCH api/account/route.ts": { name: "Ada", emailNotifications: true },
      "POST api/notifications/read/route.ts": { ids: ["n1"], read: true },
      "POST api/projects/route.ts": { name: "Fuzz project" },
      "PATCH api/projects/[project]/route.ts": { name: "Renamed" },
      "POST api/projects/[project]/api-keys/route.ts": { name: "k", scopes: ["prompts:read"], expiresAt: null },
      "POST api/projects/[project]/environments/route.ts": { name: "qa", protected: false, requiredApprovals: 1 },
      "PATCH api/projects/[project]/environments/[environment]/route.ts": { position: 1, requiredApprovals: 1 },
      "POST api/projects/[project]/datasets/route.ts": { name: "fuzz", description: "d" },
      "PATCH api/projects/[project]/datasets/[datasetId]/route.ts": { name: "fuzz dataset", description: "d" },
      "POST api/projects/[project]/datasets/[datasetId]/versions/route.ts": {
        baseVersion: 1,
        message: "m",
        rows: [{ values: { name: "x" }, expected: "y", metadata: { k: 1 } }],
      },
      "POST api/projects/[project]/datasets/[datasetId]/rows/route.ts": {
        rows: [{ values: { name: "x" }, expected: null }],
        message: "m",
      },
      "POST api/projects/[project]/datasets/[datasetId]/import/preview/route.ts": {
        format: "csv",
        content: "name,expected\nx,y\n",
        mapping: { name: { to: "variable", name: "name" }, expected: { to: "expected" } },
      },
      "POST api/projects/[project]/datasets/[datasetId]/import/route.ts": {
        format: "jsonl",
        content: '{"name":"x"}\n',
        mode: "append",
        message: "m",
      },
      "PUT api/projects/[project]/environments/[environment]/gate/route.ts": {
        datasetId: "no-such-dataset",
        evaluatorIds: ["no-such-evaluator"],
        minPassRate: 0.9,
        maxRegression: null,
      },
      "POST api/projects/[project]/evaluators/route.ts": {
        name: "fuzz contains",
        kind: "contains",
        config: { values: ["a"], mode: "all" },
        negate: false,
        weight: 1,
      },
      "PATCH api/projects/[project]/evaluators/[evaluatorId]/route.ts": {
        name: "fuzz evaluator",
        kind: "equals",
        config: { value: "x", trim: true },
        negate: true,
        weight: 2,
        archived: false,
      },
      "POST api/projects/[project]/evaluators/try/route.ts": {
        evaluator: { kind: "regex", config: { pattern: "^a", flags: "i" }, negate: false, weight: 1 },
        sample: { output: "abc", expected: null, input: { name: "x" }, metadata: null, latencyMs: 10, costUsd: 0 },
      },
      "POST api/projects/[project]/evaluators/[evaluatorId]/try/route.ts": {
        sample: { output: "abc", expected: "abc", input: {}, responseSchema: { type: "string" } },
      },
      "POST api/projects/[project]/eval-runs/route.ts": {
        promptId: prompt.id,
        candidate: { version: 1 },
        baseline: "production",
        versions: [2],
        datasetId: dataset.id,
        evaluatorIds: ["no-such-evaluator"],
        modelOverrides: { model: "m", settings: { temperature: 0 } },
        criteria: { minPassRate: 0.9, maxRegression: 0.1 },
      },
      "POST api/evals/route.ts": {
        prompt: "support/reply",
        version: 1,
        dataset: "fuzz dataset",
        evaluators: ["no-such-evaluator"],
        baseline: null,
        minPassRate: 1,
        wait: 0,
      },
      "POST api/projects/[project]/import/route.ts": {
        format: "json",
        content: JSON.stringify({ version: 1, prompts: [] }),
      },
      "POST api/projects/[project]/invites/route.ts": { email: "invitee@example.test", role: "EDITOR" },
      "PATCH api/projects/[project]/members/[userId]/route.ts": { role: "REVIEWER" },
      "PUT api/projects/[project]/prices/route.ts": { model: "gpt-fuzz", input: 1, output: 2 },
      "POST api/projects/[project]/prompts/route.ts": { name: "fuzz/new", type: "CHAT", description: "", tags: ["a"] },
      "POST api/projects/[project]/prompts/[promptId]/deployments/route.ts": {
        environment: "development",
        version: 1,
        expectedVersion: null,
        reason: "fuzz",
        gateOverrideReason: "fuzz",
      },
      "POST api/projects/[project]/prompts/[promptId]/releases/route.ts": {
        environment: "staging",
        arms: canary,
        expectedVersion: null,
        reason: "fuzz",
        gateOverrideReason: "fuzz",
      },
      "PATCH api/projects/[project]/prompts/[promptId]/releases/[releaseId]/route.ts": {
        arms: [
          { version: 1, weight: 50 },
          { version: 2, weight: 50 },
        ],
        expectedArms: canary,
        reason: "fuzz",
        gateOverrideReason: "fuzz",
      },
      "POST api/projects/[project]/prompts/[promptId]/releases/[releaseId]/promote/route.ts": {
        version: 2,
        expectedArms: canary,
        reason: "fuzz",
        gateOverrideReason: "fuzz",
      },
      "POST api/projects/[project]/prompts/[promptId]/releases/[releaseId]/abort/route.ts": {
        reason: "fuzz",
        expectedArms: canary,
      },
      "POST api/projects/[project]/prompts/[promptId]/live/save/route.ts": { baseVersion: 2, message: "m" },
      "POST api/projects/[project]/prompts/[promptId]/live/reset/route.ts": { version: 1 },
      "PATCH api/projects/[project]/prompts/[promptId]/route.ts": { description: "d", tags: ["x"] },
      "DELETE api/projects/[project]/prompts/[promptId]/route.ts": { confirmName: "not the name" },
      "POST api/projects/[project]/prompts/[promptId]/runs/route.ts": {
        source: { content },
        values: { name: "x" },
        providerId: "no-such-provider",
      },
      "POST api/projects/[project]/prompts/[promptId]/test-cases/route.ts": {
        name: "t",
        values: { name: "x", nested: { a: [1] } },
      },
      "POST api/projects/[project]/prompts/[promptId]/versions/route.ts": { baseVersion: 2, message: "m", content },
      "POST api/projects/[project]/providers/route.ts": {
        name: "p",
        kind: "OPENAI_COMPATIBLE",
        baseUrl: "http://127.0.0.1:9/v1",
        defaultModel: "m",
      },
      "PATCH api/projects/[project]/providers/[providerId]/route.ts": { name: "p", defaultModel: "m" },
      "POST api/projects/[project]/reviews/route.ts": {
        promptId: prompt.id,
        version: 1,
        environment: "staging",
        reviewerIds: [reviewer.id],
        title: "t",
        description: "d",
      },
      "POST api/projects/[project]/reviews/[number]/close/route.ts": { reopen: false, body: "" },
      "POST api/projects/[project]/reviews/[number]/promote/route.ts": { gateOverrideReason: "fuzz" },
      "PATCH api/projects/[project]/reviews/[number]/comments/[commentId]/route.ts": { resolved: true },
      "POST api/projects/[project]/reviews/[number]/comments/route.ts": { body: "hi", line: 1 },
      "POST api/projects/[project]/reviews/[number]/decisions/route.ts": { decision: "request-changes", body: "no" },
      "PUT api/projects/[project]/reviews/[number]/runs/route.ts": { runIds: [] },
      "POST api/projects/[project]/reviews/[number]/version/route.ts": { version: 1 },
      "POST api/projects/[project]/webhooks/route.ts": { url: "http://127.0.0.1:9/hook", events: ["prompt.deployed"] },
      "PATCH api/projects/[project]/webhooks/[webhookId]/route.ts": { active: false, events: ["prompt.deployed"] },
      "POST api/prompts/[...name]/route.ts render": {
        environment: "production",
        variables: { name: "x" },
        strict: false,
      },
      "POST api/prompts/[...name]/route.ts versions": {
        content,
        message: "m",
        baseVersion: 2,
        deploy: ["development"],
      },
      "POST api/prompts/[...name]/route.ts feedback": {
        id: "rating-1",
        version: 1,
        environment: "production",
        score: "up",
        comment: "Helpful.",
        traceId: "trace-1",
        unit: "user-1",
      },
      "PATCH api/public/v2/prompts/[name]/versions/[version]/route.ts": { newLabels: ["development"] },
      "POST api/public/v2/prompts/route.ts": {
        name: "support/reply",
        type: "text",
        prompt: "Hi {{name}}",
        config: { model: "gpt-4o-mini", temperature: 0.2 },
        labels: ["development"],
        tags: ["support"],
        commitMessage: "m",
      },
    };
    // The hot path as server.ts mounts it, for what never reaches a route handler.
    server = await startHotPathServer();
    base = server.base;
  });
  afterAll(() => server.close());

  /** Routes that take no JSON body: only their path and query are fuzzed. */
  const bodiless = new Set([
    "POST api/account/sign-out-everywhere/route.ts",
    "POST api/invites/[token]/accept/route.ts",
    "POST api/projects/[project]/providers/[providerId]/test/route.ts",
    "POST api/projects/[project]/eval-runs/[number]/cancel/route.ts",
    "POST api/projects/[project]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver/route.ts",
    "POST api/auth/[...nextauth]/route.ts",
    "POST api/account/sign-out-everywhere/route.ts",
    "DELETE api/projects/[project]/api-keys/[keyId]/route.ts",
    "DELETE api/projects/[project]/datasets/[datasetId]/route.ts",
    "DELETE api/projects/[project]/evaluators/[evaluatorId]/route.ts",
    "DELETE api/projects/[project]/environments/[environment]/route.ts",
    "DELETE api/public/v2/prompts/[name]/route.ts",
    "DELETE api/projects/[project]/environments/[environment]/gate/route.ts",
    "DELETE api/projects/[project]/invites/[inviteId]/route.ts",
    "DELETE api/projects/[project]/members/[userId]/route.ts",
    "DELETE api/projects/[project]/prompts/[promptId]/draft/route.ts",
    "DELETE api/projects/[project]/prompts/[promptId]/test-cases/[testCaseId]/route.ts",
    "DELETE api/projects/[project]/providers/[providerId]/route.ts",
    "DELETE api/projects/[project]/webhooks/[webhookId]/route.ts",
  ]);
  const queryKeys = [
    "q",
    "folder",
    "tag",
    "env",
    "environment",
    "archived",
    "cursor",
    "limit",
    "action",
    "actor",
    "from",
    "to",
    "at",
    "scope",
    "status",
    "prompt",
    "before",
    "unread",
    "filter",
    "after",
    "a",
    "b",
    "format",
    "version",
    "resolve",
    "confirm",
    "promptId",
    "label",
    "name",
    "page",
    "fromUpdatedAt",
  ];

  async function call(route: string, request: RouteCall & { suffix?: string }): Promise<void> {
    const isKeyRoute =
      route.startsWith("api/prompts/") || route.startsWith("api/evals/") || route.startsWith("api/public/");
    const full: RouteCall = {
      ...request,
      params: route.includes("[...name]")
        ? {
            ...request.params,
            name: [
              ...((request.params?.name as string[]) ?? (params.name as string[])),
              ...(request.suffix ? [request.suffix] : []),
            ],
          }
        : request.params,
      ...(isKeyRoute
        ? { headers: { authorization: `Bearer ${apiKey}` } }
        : { cookie: route === revokesItsSession ? spareCookie : cookie }),
    };
    const res = await callRoute(route, full);
    if (res.status >= 500) {
      const shown = (full.raw ?? JSON.stringify(full.body) ?? "").slice(0, 300);
      failures.push(
        `${full.method} ${route} ${JSON.stringify(full.params).slice(0, 200)} ${full.search ?? ""} body=${shown} → ${res.status} ${(await res.text()).slice(0, 300)}`,
      );
    } else await res.body?.cancel();
  }

  /** The fuzz ran signed in throughout (a revoked session would have made it a test of 401s). */
  const stillSignedIn = async () =>
    expect(
      (await callRoute("api/projects/[project]/environments/route.ts", { method: "GET", params, cookie })).status,
    ).toBe(200);

  it("has a valid body for every JSON route on disk", () => {
    const missing = methods
      .filter((m) => m !== "GET")
      .flatMap((m) => routesExporting(m).map((r) => `${m} ${r}`))
      .filter((key) => !bodiless.has(key) && !(key in seeds) && !(`${key} render` in seeds));
    expect(missing).toEqual([]);
  });

  it("never answers a hostile JSON body with a 5xx", async () => {
    for (const [key, seed] of Object.entries(seeds)) {
      const [method, route, suffix] = key.split(" ") as [Method, string, string | undefined];
      const paths = pathsOf(seed);
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          nastyValue,
          fc.constantFrom("replace", "add", "whole"),
          nastyBody,
          async (pick, value, mode, whole) => {
            const raw =
              mode === "whole" ? whole : toText(replaceAt(seed, paths[pick % paths.length]!, value, mode === "add"));
            await call(route, { method, params, raw, suffix });
          },
        ),
        { numRuns: 10 },
      );
    }
    expect(failures).toEqual([]);
    await stillSignedIn();
  });

  it("never answers hostile path parameters or query strings with a 5xx", async () => {
    // What Next.js can hand a handler after decoding the path (a lone surrogate never survives that).
    const nastyParam = fc.constantFrom(
      "\u0000",
      "99999999999999999999",
      "0",
      "-1",
      "1e3",
      "%ZZ",
      "a".repeat(3000),
      "../../etc",
      " ",
    );
    const nastyQuery = fc.oneof(
      nastyText,
      fc.constantFrom(
        "99999999999999999999",
        "9223372036854775808",
        "-1",
        "1e400",
        "NaN",
        "2026-13-45T99:99:99Z",
        "-271821-04-20T00:00:00Z",
        Buffer.from('{"at":"nope","id":"x"}').toString("base64url"),
        Buffer.from('{"at":"2026-01-01T00:00:00Z","id":"\u0000"}').toString("base64url"),
      ),
    );
    for (const method of methods) {
      for (const route of routesExporting(method)) {
        if (route.startsWith("api/auth/")) continue; // next-auth's own, fuzzed with forms below
        if (route === "api/account/sign-out-everywhere/route.ts") continue; // takes no input, and would end the fuzz's session
        const names = [...route.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
        const key = `${method} ${route}`;
        const seed = seeds[key] ?? seeds[`${key} render`];
        const suffix = seeds[`${key} render`] ? "render" : undefined;
        await fc.assert(
          fc.asyncProperty(
            fc.nat(),
            nastyParam,
            fc.subarray(queryKeys, { minLength: 1, maxLength: 3 }),
            nastyQuery,
            async (pick, bad, keys, value) => {
              const name = names.length ? names[pick % names.length]! : null;
              const broken = name
                ? { ...params, [name]: name === "name" || name === "nextauth" ? [bad] : bad }
                : params;
              const search = `?${new URLSearchParams(keys.map((k) => [k, value]))}`;
              await call(route, {
                method,
                params: broken,
                search,
                suffix,
                ...(seed === undefined ? {} : { body: seed }),
              });
            },
          ),
          { numRuns: method === "GET" ? 8 : 3 },
        );
      }
    }
    expect(failures).toEqual([]);
    await stillSignedIn();
  });

  it("never answers hostile sign-in forms with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(nastyText, nastyText, async (email, password) => {
        const res = await callRoute("api/auth/[...nextauth]/route.ts", {
          method: "POST",
          params: { nextauth: ["callback", "credentials"] },
          form: { email, password, json: "true", csrfToken: "x" },
        });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 20 },
    );
  });

  // The review's own probes, each with the answer a client gets.
  it("answers the reviewed probes with a 4xx naming the problem", async () => {
    const as = async (route: string, request: RouteCall) => {
      const res = await callRoute(route, {
        ...request,
        ...(route.startsWith("api/prompts/") ? { headers: { authorization: `Bearer ${apiKey}` } } : { cookie }),
      });
      return {
        status: res.status,
        error: ((await res.json()) as { error?: { message: string } }).error?.message,
        cache: res.headers.get("cache-control"),
      };
    };
    expect(
      await as("api/projects/[project]/reviews/[number]/route.ts", {
        method: "GET",
        params: { ...params, number: "99999999999999999999" },
      }),
    ).toMatchObject({ status: 422, error: "number: must be a whole number from 1 to 2147483647" });
    expect(
      await as("api/projects/[project]/audit/route.ts", {
        method: "GET",
        params,
        search: "?cursor=99999999999999999999999",
      }),
    ).toMatchObject({ status: 422, error: "cursor: Invalid cursor." });
    const badDate = Buffer.from(JSON.stringify({ at: "2026-13-45", id: "x" })).toString("base64url");
    expect(
      await as("api/projects/[project]/prompts/route.ts", { method: "GET", params, search: `?cursor=${badDate}` }),
    ).toMatchObject({ status: 422, error: "cursor: Invalid cursor: use the nextCursor of a previous page." });
    expect(
      await as("api/projects/[project]/prompts/route.ts", { method: "GET", params, search: "?q=a%00b" }),
    ).toMatchObject({ status: 422, error: "q: contains a NUL character" });
    expect(
      await as("api/projects/[project]/prompts/route.ts", {
        method: "POST",
        params,
        body: { name: "fuzz/a", type: "TEXT", description: "nul \u0000 here" },
      }),
    ).toMatchObject({ status: 422, error: "description: contains a NUL character" });
    expect(
      await as("api/prompts/[...name]/route.ts", {
        method: "POST",
        params: { name: ["support", "reply", "versions"] },
        raw: `{"content":${JSON.stringify(content)},"message":"v3 \\ud83d"}`,
      }),
    ).toMatchObject({
      status: 422,
      error: "message: contains an unpaired surrogate, which is not valid Unicode",
    });
    expect(
      await as("api/projects/[project]/prompts/[promptId]/test-cases/route.ts", {
        method: "POST",
        params,
        raw: `{"name":"deep","values":{"a":${deepArray.text}}}`,
      }),
    ).toMatchObject({ status: 422, error: "The request body is nested deeper than 64 levels." });
    const sections = await as("api/projects/[project]/prompts/[promptId]/versions/route.ts", {
      method: "POST",
      params,
      body: { baseVersion: 2, message: "deep", content: { ...content, template: deepSections } },
    });
    expect(sections.status).toBe(422);
    expect(sections.error).toContain("Sections are nested more than 64 levels deep.");
    // Studio answers, success and error alike, are never stored by a browser or proxy.
    expect((await as("api/projects/[project]/environments/route.ts", { method: "GET", params })).cache).toBe(
      "no-store",
    );
    expect(sections.cache).toBe("no-store");
  });

  it("answers a review number past the int4 range with the review page's 404, not a 500", async () => {
    const { default: ReviewPage } = await import("@/app/p/[project]/reviews/[number]/page");
    const render = (number: string) => {
      const req = new NextRequest(`http://galley.test/p/${params.project}/reviews/${number}`, {
        headers: { cookie, host: "galley.test" },
      });
      return runInRequestScope(req, "p/[project]/reviews/[number]/page.tsx", () =>
        ReviewPage({ params: Promise.resolve({ project: params.project as string, number }) }),
      );
    };
    await expect(render(params.number as string)).resolves.toBeTruthy();
    // notFound() throws Next's 404 signal, which the framework turns into the not-found page.
    await expect(render("99999999999999999999")).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
  });

  it("answers /api/prompts/%ZZ and a NUL in the name on the hot path with 400", async () => {
    for (const prefix of ["/api/prompts/", "/api/public/v2/prompts/"])
      for (const path of ["%ZZ", "support/%E0%A4%A", "support%00reply", "support%2F%00"]) {
        const res = await fetch(`${base}${prefix}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
        expect(res.status, path).toBe(400);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
      }
  });

  it("never answers hostile Langfuse queries on the hot path with a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(["label", "version", "resolve"], { minLength: 1 }),
        nastyText,
        async (keys, value) => {
          const search = new URLSearchParams(keys.map((k) => [k, value]));
          const res = await fetch(`${base}/api/public/v2/prompts/support%2Freply?${search}`, {
            headers: { authorization: `Basic ${Buffer.from(`galley:${apiKey}`).toString("base64")}` },
          });
          expect(res.status, search.toString()).toBeLessThan(500);
          await res.body?.cancel();
        },
      ),
      { numRuns: 30 },
    );
  });
});
