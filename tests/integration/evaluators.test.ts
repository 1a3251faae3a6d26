// Evaluators through the route handlers, signed in as a browser would be: CRUD with PATCHes of single
// fields, the kinds' settings checked with errors naming config.<field>, "try it" for every group:
// a deterministic kind, an LLM judge against the fake OpenAI server, and an HTTP evaluator against a
// local endpoint (loopback is allowed by the default outbound policy; cloud metadata is not).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { applyEvaluator } from "@/lib/evals/registry";
import { setModelPrice } from "@/lib/providers/model-prices";
import { saveProvider } from "@/lib/providers/save-provider";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";

import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { ctxFor, makeProject } from "./helpers";
import { callRoute, signInAs } from "./route-client";

const R = {
  list: "api/projects/[project]/evaluators/route.ts",
  one: "api/projects/[project]/evaluators/[evaluatorId]/route.ts",
  tryUnsaved: "api/projects/[project]/evaluators/try/route.ts",
  trySaved: "api/projects/[project]/evaluators/[evaluatorId]/try/route.ts",
  kinds: "api/projects/[project]/evaluator-kinds/route.ts",
};

type View = {
  id: string;
  name: string;
  kind: string;
  config: Record<string, unknown>;
  negate: boolean;
  weight: number;
  archived: boolean;
  secretHint: string | null;
  secret?: string;
};
type Verdict = {
  pass: boolean;
  score: number;
  reason?: string;
  costUsd?: number;
  inputTokens?: number;
  outputTokens?: number;
};
type TryJson = { verdict: Verdict | null; error: string | null };
type ErrorJson = {
  error: { code: string; message: string; details?: { issues: { path: string; message: string }[] } };
};

describe("evaluators", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let editorCookie: string;
  let viewerCookie: string;
  let fake: FakeOpenAI;
  let providerId: string;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let answer: { status: number; body: string } = { status: 200, body: '{"pass":true,"score":0.9,"reason":"fine"}' };

  beforeAll(async () => {
    await applyMigrations();
    fake = await startFakeOpenAI();
    receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/evaluate`;
    fixture = await makeProject(["ADMIN", "EDITOR", "VIEWER"]);
    const admin = fixture.members.find((m) => m.role === "ADMIN")!.user;
    providerId = (
      await saveProvider({
        ctx: ctxFor(admin),
        projectId: fixture.project.id,
        input: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
      })
    ).id;
    await setModelPrice({
      ctx: ctxFor(admin),
      projectId: fixture.project.id,
      model: "fake-judge",
      input: 1000,
      output: 2000,
    });
    editorCookie = await signInAs(fixture.members.find((m) => m.role === "EDITOR")!.user);
    viewerCookie = await signInAs(fixture.members.find((m) => m.role === "VIEWER")!.user);
  });
  afterAll(async () => {
    await fake.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const call = async <T = View>(
    route: string,
    opts: { method: string; params?: Record<string, string>; body?: unknown; search?: string; cookie?: string },
  ) => {
    const res = await callRoute(route, {
      method: opts.method,
      params: { project: fixture.project.slug, ...opts.params },
      body: opts.body,
      search: opts.search,
      cookie: opts.cookie ?? editorCookie,
    });
    return { status: res.status, json: (await res.json()) as T };
  };
  const create = async (body: Record<string, unknown>) => {
    const res = await call(R.list, { method: "POST", body });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json;
  };
  const auditOf = (id: string) =>
    db.auditEntry.findMany({ where: { targetType: "evaluator", targetId: id }, orderBy: { createdAt: "asc" } });

  it("creates, reads, lists, patches single fields, archives and deletes, with audit entries", async () => {
    const created = await create({ name: "Says refund", kind: "contains", config: { values: ["refund"] } });
    expect(created).toMatchObject({
      name: "Says refund",
      kind: "contains",
      // The kind's defaults are stored, so a run applies exactly what the page shows.
      config: { values: ["refund"], mode: "any", ignoreCase: false },
      negate: false,
      weight: 1,
      archived: false,
      secretHint: null,
    });
    expect(
      (await call(R.one, { method: "GET", params: { evaluatorId: created.id }, cookie: viewerCookie })).json,
    ).toEqual(created);

    const renamed = await call(R.one, {
      method: "PATCH",
      params: { evaluatorId: created.id },
      body: { name: "Mentions refund" },
    });
    expect(renamed.json).toMatchObject({ name: "Mentions refund", config: created.config, negate: false, weight: 1 });
    const weighted = await call(R.one, { method: "PATCH", params: { evaluatorId: created.id }, body: { weight: 2.5 } });
    expect(weighted.json).toMatchObject({ name: "Mentions refund", weight: 2.5, negate: false });
    const negated = await call(R.one, { method: "PATCH", params: { evaluatorId: created.id }, body: { negate: true } });
    expect(negated.json).toMatchObject({ weight: 2.5, negate: true, config: created.config });
    const reconfigured = await call(R.one, {
      method: "PATCH",
      params: { evaluatorId: created.id },
      body: { config: { values: ["refund", "credit"], mode: "all" } },
    });
    expect(reconfigured.json).toMatchObject({
      name: "Mentions refund",
      weight: 2.5,
      negate: true,
      config: { values: ["refund", "credit"], mode: "all", ignoreCase: false },
    });

    const archived = await call(R.one, {
      method: "PATCH",
      params: { evaluatorId: created.id },
      body: { archived: true },
    });
    expect(archived.json.archived).toBe(true);
    const active = await call<{ evaluators: View[] }>(R.list, { method: "GET", cookie: viewerCookie });
    expect(active.json.evaluators.map((e) => e.id)).not.toContain(created.id);
    const archivedList = await call<{ evaluators: View[] }>(R.list, { method: "GET", search: "?archived=true" });
    expect(archivedList.json.evaluators.map((e) => e.id)).toContain(created.id);

    expect((await call(R.one, { method: "DELETE", params: { evaluatorId: created.id } })).status).toBe(200);
    expect((await call(R.one, { method: "GET", params: { evaluatorId: created.id } })).status).toBe(404);
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual([
      "evaluator.create",
      "evaluator.update",
      "evaluator.update",
      "evaluator.update",
      "evaluator.update",
      "evaluator.archive",
      "evaluator.delete",
    ]);
  });

  it("refuses bad settings naming config.<field>, an unknown kind, a taken name, and writes by a viewer", async () => {
    const bad = await call<ErrorJson>(R.list, {
      method: "POST",
      body: { name: "Bad regex", kind: "regex", config: { pattern: "(unclosed" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details!.issues).toEqual([
      { path: "config.pattern", message: expect.stringMatching(/^Not a valid regular expression/) },
    ]);
    const unknown = await call<ErrorJson>(R.list, {
      method: "POST",
      body: { name: "X", kind: "telepathy", config: {} },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.details!.issues[0]).toMatchObject({ path: "kind" });

    await create({ name: "Short", kind: "char-count", config: { max: 100 } });
    const taken = await call<ErrorJson>(R.list, {
      method: "POST",
      body: { name: "short", kind: "is-json", config: {} },
    });
    expect(taken.status).toBe(422);
    expect(taken.json.error.details!.issues).toEqual([
      { path: "name", message: expect.stringContaining("already exists") },
    ]);

    const viewer = await call<ErrorJson>(R.list, {
      method: "POST",
      body: { name: "Viewer's", kind: "is-json", config: {} },
      cookie: viewerCookie,
    });
    expect(viewer.status).toBe(403);
  });

  it("checks a config PATCHed alone against the saved kind, and wants settings with a new kind", async () => {
    const e = await create({ name: "Fast", kind: "latency", config: { maxMs: 2000 } });
    const bad = await call<ErrorJson>(R.one, {
      method: "PATCH",
      params: { evaluatorId: e.id },
      body: { config: { maxMs: -5 } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details!.issues[0]).toMatchObject({ path: "config.maxMs" });
    const kindOnly = await call<ErrorJson>(R.one, {
      method: "PATCH",
      params: { evaluatorId: e.id },
      body: { kind: "cost" },
    });
    expect(kindOnly.status).toBe(422);
    expect(kindOnly.json.error.details!.issues[0]).toMatchObject({ path: "config" });
    const changed = await call(R.one, {
      method: "PATCH",
      params: { evaluatorId: e.id },
      body: { kind: "cost", config: { maxUsd: 0.01 } },
    });
    expect(changed.json).toMatchObject({ kind: "cost", config: { maxUsd: 0.01 } });
  });

  it("pages the list by last change", async () => {
    const { project } = await makeProject(["EDITOR"]);
    for (let i = 0; i < 3; i++)
      await db.evaluator.create({
        data: {
          projectId: project.id,
          name: `e${i}`,
          kind: "is-json",
          config: {},
          createdById: fixture.members[0]!.user.id,
        },
      });
    const { listEvaluators } = await import("@/lib/evaluators/list-evaluators");
    const first = await listEvaluators({ projectId: project.id, limit: 2 });
    expect(first.evaluators.map((e) => e.name)).toEqual(["e2", "e1"]);
    const second = await listEvaluators({ projectId: project.id, limit: 2, cursor: first.nextCursor! });
    expect(second.evaluators.map((e) => e.name)).toEqual(["e0"]);
    expect(second.nextCursor).toBeNull();
    const bad = await call<ErrorJson>(R.list, { method: "GET", search: "?cursor=nonsense" });
    expect(bad.status).toBe(422);
  });

  it("lists every kind with its settings' JSON Schema for the form", async () => {
    const res = await call<{
      kinds: Array<{ kind: string; label: string; group: string; configSchema: Record<string, unknown> }>;
    }>(R.kinds, { method: "GET", cookie: viewerCookie });
    expect(res.status).toBe(200);
    const regex = res.json.kinds.find((k) => k.kind === "regex")!;
    expect(regex).toMatchObject({ label: "Matches a regular expression", group: "deterministic" });
    expect(regex.configSchema).toMatchObject({
      type: "object",
      required: ["pattern"],
      properties: { pattern: { type: "string" } },
    });
    expect(res.json.kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(["llm-judge", "http", "response-schema"]));
  });

  it("tries an unsaved evaluator and a saved one on the spot, negate included", async () => {
    const sample = { output: '{"answer": 42}', expected: "42" };
    const unsaved = await call<{ verdict: Verdict }>(R.tryUnsaved, {
      method: "POST",
      body: { evaluator: { kind: "json-path-equals", config: { path: "$.answer" }, negate: true }, sample },
    });
    expect(unsaved.status).toBe(200);
    expect(unsaved.json.verdict).toEqual({ pass: false, score: 0, reason: "negated: $.answer is 42." });
    const invalid = await call<ErrorJson>(R.tryUnsaved, {
      method: "POST",
      body: { evaluator: { kind: "json-path-equals", config: { path: "answer" } }, sample },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.details!.issues[0]).toMatchObject({ path: "config.path" });

    const saved = await create({ name: "Polite start", kind: "starts-with", config: { value: "Dear" } });
    const tried = await call<{ verdict: Verdict }>(R.trySaved, {
      method: "POST",
      params: { evaluatorId: saved.id },
      body: { sample: { output: "Dear Ana, …" } },
    });
    expect(tried.json.verdict).toMatchObject({ pass: true, score: 1 });
    const viewer = await call(R.trySaved, {
      method: "POST",
      params: { evaluatorId: saved.id },
      body: { sample: { output: "x" } },
      cookie: viewerCookie,
    });
    expect(viewer.status).toBe(403);
  });

  it("runs an LLM judge against the fake OpenAI server: rubric rendered, JSON asked for, score normalised, usage counted", async () => {
    const judge = await create({
      name: "Helpful",
      kind: "llm-judge",
      config: { providerId, model: "fake-judge", rubric: "Q: {{input.question}} A: {{output}} Want: {{expected}}" },
    });
    const res = await call<{ verdict: Verdict }>(R.trySaved, {
      method: "POST",
      params: { evaluatorId: judge.id },
      body: { sample: { output: "In 3 days.", expected: "3 days", input: { question: "When?" } } },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    // fake-judge scores 4 on 1–5: (4 − 1) / 4 = 0.75, passing at 4.
    expect(res.json.verdict).toMatchObject({
      pass: true,
      score: 0.75,
      reason: "Judged: Q: When? A: In 3 days. Want: 3 days",
      inputTokens: expect.any(Number),
      outputTokens: expect.any(Number),
    });
    expect(res.json.verdict.costUsd).toBeGreaterThan(0);
    const sent = fake.requests.at(-1)! as unknown as { model: string; response_format: unknown; temperature: number };
    expect(sent).toMatchObject({ model: "fake-judge", response_format: { type: "json_object" }, temperature: 0 });

    const low = await call<{ verdict: Verdict }>(R.tryUnsaved, {
      method: "POST",
      body: {
        evaluator: { kind: "llm-judge", config: { providerId, model: "fake-judge-2", rubric: "{{output}}" } },
        sample: { output: "meh" },
      },
    });
    expect(low.json.verdict).toMatchObject({ pass: false, score: 0.25 });
  });

  it("reports a judge that answers no JSON, or fails, as an error rather than a verdict", async () => {
    const notJson = await call<TryJson>(R.tryUnsaved, {
      method: "POST",
      body: {
        evaluator: { kind: "llm-judge", config: { providerId, model: "fake-echo", rubric: "{{output}}" } },
        sample: { output: "x" },
      },
    });
    expect(notJson.status).toBe(200);
    expect(notJson.json).toEqual({ verdict: null, error: expect.stringMatching(/^The judge did not answer JSON/) });
    const limited = await call<TryJson>(R.tryUnsaved, {
      method: "POST",
      body: {
        evaluator: { kind: "llm-judge", config: { providerId, model: "fake-429", rubric: "{{output}}" } },
        sample: { output: "x" },
      },
    });
    expect(limited.json).toEqual({
      verdict: null,
      error: expect.stringMatching(/^The judge \(Fake, fake-429\) failed: /),
    });
  });

  it("POSTs to an HTTP evaluator with a body signed by the evaluator's own secret, shown once", async () => {
    const hook = await create({ name: "Our checker", kind: "http", config: { url: receiverUrl, timeoutMs: 5000 } });
    expect(hook.secret).toMatch(/^evsec_/);
    expect(hook.secretHint).toBe(`…${hook.secret!.slice(-4)}`);
    expect(hook.config).toEqual({ url: receiverUrl, timeoutMs: 5000 });
    // Never again: not on reading, not in the audit log, and a PATCH keeps the same secret.
    const read = await call(R.one, { method: "GET", params: { evaluatorId: hook.id } });
    expect(read.json.secret).toBeUndefined();
    expect(JSON.stringify(read.json)).not.toContain("secretEncrypted");
    const audited = (await auditOf(hook.id)).map((a) => JSON.stringify([a.before, a.after]));
    expect(audited.join()).not.toContain("secretEncrypted");
    const patched = await call(R.one, {
      method: "PATCH",
      params: { evaluatorId: hook.id },
      body: { config: { url: receiverUrl, timeoutMs: 4000, secretEncrypted: "planted" } },
    });
    expect(patched.json).toMatchObject({ config: { url: receiverUrl, timeoutMs: 4000 }, secretHint: hook.secretHint });

    const res = await call<{ verdict: Verdict }>(R.trySaved, {
      method: "POST",
      params: { evaluatorId: hook.id },
      body: { sample: { output: "Grüße 🙂", expected: "hi", input: { q: 1 }, metadata: { tag: "a" } } },
    });
    expect(res.json.verdict).toEqual({ pass: true, score: 0.9, reason: "fine" });
    const last = received.at(-1)!;
    expect(JSON.parse(last.body)).toEqual({
      input: { q: 1 },
      output: "Grüße 🙂",
      expected: "hi",
      metadata: { tag: "a" },
    });
    const signed = {
      timestamp: Number(last.headers["galley-timestamp"]),
      body: last.body,
      signature: String(last.headers["galley-signature"]),
    };
    expect(verifyWebhookSignature({ secret: hook.secret!, ...signed })).toBe(true);
    expect(verifyWebhookSignature({ secret: "evsec_other", ...signed })).toBe(false);

    // The same evaluator in a run (applyEvaluator), with negate and weight from the row.
    const row = await db.evaluator.findUniqueOrThrow({ where: { id: hook.id } });
    const verdict = await applyEvaluator({
      evaluator: { kind: row.kind, config: row.config, negate: true, weight: row.weight },
      sample: {
        input: {},
        output: "o",
        expected: null,
        metadata: null,
        latencyMs: null,
        costUsd: null,
        responseSchema: null,
      },
      ctx: { projectId: fixture.project.id, signal: new AbortController().signal },
    });
    expect(verdict).toEqual({ pass: false, score: expect.closeTo(0.1), reason: "negated: fine" });
  });

  it("gives clear errors when the HTTP endpoint fails, answers badly or sits at a denied address", async () => {
    const tryHttp = (url: string) =>
      call<TryJson>(R.tryUnsaved, {
        method: "POST",
        body: { evaluator: { kind: "http", config: { url, timeoutMs: 2000 } }, sample: { output: "x" } },
      });
    answer = { status: 500, body: "down" };
    const down = await tryHttp(receiverUrl);
    expect(down.status).toBe(200);
    expect(down.json).toEqual({ verdict: null, error: `The HTTP evaluator at ${receiverUrl} answered 500: "down".` });
    answer = { status: 200, body: "not json" };
    expect((await tryHttp(receiverUrl)).json.error).toMatch(/did not answer JSON: "not json"/);
    answer = { status: 200, body: '{"pass":true,"score":0.9,"reason":"fine"}' };
    const denied = await tryHttp("http://169.254.169.254/latest/meta-data");
    expect(denied.json.error).toMatch(/cannot be reached: 169\.254\.169\.254 is an address the outbound policy denies/);
    // Unsaved, so unsigned: no secret exists yet.
    await tryHttp(receiverUrl);
    expect(received.at(-1)!.headers["galley-signature"]).toBeUndefined();
  });
});
