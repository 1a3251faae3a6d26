// The read side of evaluation through the real route handlers, on runs seeded with exact numbers:
// the runs list, a run's aggregates with deltas, progress and ETA while it runs, the matrix with its
// three filters, search and pagination, comparing two finished runs, export (CSV escaping, JSON),
// and who may read (a viewer reads, an outsider gets 404).
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";

import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import type { EvalRunDetail } from "@/lib/eval-results/get-eval-run-detail";
import type { MatrixRow } from "@/lib/eval-results/read-matrix-page";
import { createPrompt } from "@/lib/prompts/create-prompt";

import { ctxFor, makeProject } from "./helpers";
import { renderPage } from "./render-page";
import { callRoute, signInAs } from "./route-client";
import { seedDatasetVersion, seedEvalRun, type SeedCell } from "./seed-eval-run";

const routes = {
  list: "api/projects/[project]/eval-runs/route.ts",
  detail: "api/projects/[project]/eval-runs/[number]/route.ts",
  results: "api/projects/[project]/eval-runs/[number]/results/route.ts",
  exportFile: "api/projects/[project]/eval-runs/[number]/export/route.ts",
  compare: "api/projects/[project]/eval-runs/compare/route.ts",
};

const evaluators = [
  { id: "ev-equals", name: "Equals expected", kind: "equals" },
  { id: "ev-polite", name: "Polite", kind: "contains" },
];
const verdict = (pass: boolean, reason?: string): SeedCell => ({
  status: "done",
  pass,
  score: pass ? 1 : 0,
  latencyMs: pass ? 120 : 480,
  costUsd: 0.001,
  inputTokens: 10,
  outputTokens: 5,
  scores: [
    { evaluatorId: "ev-equals", pass, score: pass ? 1 : 0, reason },
    { evaluatorId: "ev-polite", pass: true, score: 1 },
  ],
});

describe(`eval results (${process.env.GALLEY_TEST_DB})`, () => {
  let slug: string;
  let viewer: string;
  let outsider: string;

  const get = async (route: string, opts: { number?: string; search?: string; cookie?: string } = {}) => {
    const res = await callRoute(route, {
      method: "GET",
      params: { project: slug, ...(opts.number ? { number: opts.number } : {}) },
      search: opts.search,
      cookie: opts.cookie ?? viewer,
    });
    return res;
  };
  const json = async <T>(route: string, opts: { number?: string; search?: string; cookie?: string } = {}) => {
    const res = await get(route, opts);
    return { status: res.status, body: (await res.json()) as T & { error?: { code: string; message: string } } };
  };
  const positions = async (search: string, number = "1") =>
    (await json<{ rows: MatrixRow[] }>(routes.results, { number, search })).body.rows.map((r) => r.position);

  beforeAll(async () => {
    await applyMigrations();
    const { project, members } = await makeProject(["OWNER", "VIEWER"]);
    const other = await makeProject(["OWNER"]);
    slug = project.slug;
    const owner = members[0]!.user;
    viewer = await signInAs(members[1]!.user);
    outsider = await signInAs(other.members[0]!.user);
    const prompt = await createPrompt({
      ctx: ctxFor(owner),
      projectId: project.id,
      input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
    });
    const other2 = await createPrompt({
      ctx: ctxFor(owner),
      projectId: project.id,
      input: { name: "sales/pitch", type: "TEXT", description: "", tags: [] },
    });
    const base = { projectId: project.id, userId: owner.id };
    const ds = await seedDatasetVersion({
      ...base,
      rows: [
        { values: { name: "r0" }, expected: "A" },
        { values: { name: "r1" }, expected: "A" },
        { values: { name: "r2" }, expected: "50% off" },
        { values: { name: 'he said "hi", then\nleft' }, expected: "A" },
        { values: { name: "r4" }, expected: "A" },
        { values: { name: "r5" }, expected: "A" },
      ],
    });
    const version = { id: ds.version.id, datasetId: ds.dataset.id, rowIds: ds.rowIds };
    // #1, finished: candidate v2 against production's v1.
    //   row 0 both pass, same output · 1 candidate fails (regression) · 2 baseline fails · 3 candidate
    //   errors (regression) · 4 both pass, different outputs · 5 both pass, same output.
    const run1: Record<number, [SeedCell, SeedCell]> = {
      0: [
        { ...verdict(true), output: "A" },
        { ...verdict(true), output: "A" },
      ],
      1: [
        {
          ...verdict(false, "said B, expected A"),
          output: "B",
          // A verdict of an evaluator the run's snapshot does not list: shown by the name stored beside it.
          scores: [
            ...verdict(false, "said B, expected A").scores!,
            { evaluatorId: "ev-gone", name: "Old check", pass: true, score: 1 },
          ],
        },
        { ...verdict(true), output: "A" },
      ],
      2: [
        { ...verdict(true), output: "A" },
        { ...verdict(false), output: "B" },
      ],
      3: [
        { status: "error", error: "The model timed out after 30 s." },
        { ...verdict(true), output: "A" },
      ],
      4: [
        { ...verdict(true), output: "a needle here" },
        { ...verdict(true), output: "=SUM(A1:A9)" },
      ],
      5: [
        { ...verdict(true), output: "A" },
        { ...verdict(true), output: "A" },
      ],
    };
    await seedEvalRun({
      ...base,
      promptId: prompt.id,
      number: 1,
      datasetVersion: version,
      status: "finished",
      evaluators,
      // Stored when the run finished; the page shows these, not a recount.
      columns: [
        { role: "candidate", label: "v2", version: 2, passRate: 0.8, meanScore: 0.7 },
        { role: "baseline", label: "production (v1)", version: 1, passRate: 5 / 6, meanScore: 5 / 6 },
      ],
      cell: (column, position) => run1[position]![column as 0 | 1],
    });
    // #2, running: 4 of 6 rows done a second apart, 2 waiting.
    const now = Date.now();
    await seedEvalRun({
      ...base,
      promptId: prompt.id,
      number: 2,
      datasetVersion: version,
      status: "running",
      evaluators,
      columns: [{ role: "candidate", label: "draft" }],
      cell: (_, position) =>
        position < 4
          ? { ...verdict(position !== 1), output: "A", finishedAt: new Date(now - (4 - position) * 1000) }
          : { status: "pending" },
    });
    // #3, finished on the same rows: v3 fails row 0, passes the rest.
    await seedEvalRun({
      ...base,
      promptId: prompt.id,
      number: 3,
      datasetVersion: version,
      status: "finished",
      evaluators,
      columns: [{ role: "candidate", label: "v3", version: 3, passRate: 5 / 6, meanScore: 5 / 6 }],
      cell: (_, position) => ({ ...verdict(position !== 0), output: position === 0 ? "Z" : "A" }),
    });
    // #5, cancelled after two rows: the rest of the candidate's rows were never run.
    await seedEvalRun({
      ...base,
      promptId: prompt.id,
      number: 5,
      datasetVersion: version,
      status: "cancelled",
      evaluators,
      columns: [
        { role: "candidate", label: "v4", version: 4 },
        { role: "baseline", label: "production (v1)", version: 1 },
      ],
      cell: (column, position) =>
        column === 0 && position >= 2 ? { status: "cancelled" } : { ...verdict(true), output: "A" },
    });
    // #4, finished, another prompt and another dataset.
    const ds2 = await seedDatasetVersion({ ...base, rows: [{ values: { name: "x" } }] });
    await seedEvalRun({
      ...base,
      promptId: other2.id,
      number: 4,
      datasetVersion: { id: ds2.version.id, datasetId: ds2.dataset.id, rowIds: ds2.rowIds },
      status: "finished",
      evaluators,
      columns: [{ role: "candidate", label: "v1", version: 1, passRate: 1, meanScore: 1 }],
      cell: () => ({ ...verdict(true), output: "ok" }),
    });
  });

  it("lists runs newest first, filters by status and prompt, and pages by number", async () => {
    type List = {
      runs: Array<{ number: number; status: string; progress: { done: number; total: number } }>;
      nextBefore: number | null;
    };
    const all = await json<List>(routes.list);
    expect(all.status).toBe(200);
    expect(all.body.runs.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    expect(all.body.runs.find((r) => r.number === 2)!.progress).toMatchObject({ done: 4, total: 6 });
    expect((await json<List>(routes.list, { search: "?status=running" })).body.runs.map((r) => r.number)).toEqual([2]);
    expect((await json<List>(routes.list, { search: "?prompt=SALES" })).body.runs.map((r) => r.number)).toEqual([4]);
    expect((await json<List>(routes.list, { search: "?before=3" })).body.runs.map((r) => r.number)).toEqual([2, 1]);
    const bad = await json<List>(routes.list, { search: "?status=done" });
    expect(bad.status).toBe(422);
    expect(bad.body.error!.message).toContain("status");
  });

  it("shows a finished run's stored aggregates with deltas against the baseline, and its charts", async () => {
    const { status, body } = await json<EvalRunDetail>(routes.detail, { number: "1" });
    expect(status).toBe(200);
    const [candidate, baseline] = body.columns;
    expect(candidate!.summary).toMatchObject({
      passRate: 0.8,
      meanScore: 0.7,
      scored: 5,
      passed: 4,
      errors: 1,
      pending: 0,
    });
    expect(candidate!.summary.delta!.passRate).toBeCloseTo(0.8 - 5 / 6);
    expect(candidate!.summary.delta!.meanScore).toBeCloseTo(0.7 - 5 / 6);
    expect(baseline!.summary.delta).toBeNull();
    expect(body.progress).toMatchObject({ total: 12, done: 11, failed: 1, remaining: 0, etaMs: null });
    const equals = body.charts.evaluatorPassRates.find((e) => e.evaluatorId === "ev-equals")!;
    expect(equals.name).toBe("Equals expected");
    expect(equals.byColumn[candidate!.id]).toBeCloseTo(4 / 5);
    expect(equals.byColumn[baseline!.id]).toBeCloseTo(5 / 6);
    const counted = (id: string) => body.charts.latency.reduce((n, b) => n + (b.counts[id] ?? 0), 0);
    expect(counted(candidate!.id)).toBe(5);
    expect(counted(baseline!.id)).toBe(6);
  });

  it("computes a running run's aggregates from its results, with progress and an ETA from the recent pace", async () => {
    const { body } = await json<EvalRunDetail>(routes.detail, { number: "2" });
    expect(body.run.status).toBe("running");
    expect(body.columns[0]!.summary).toMatchObject({ passRate: 0.75, scored: 4, pending: 2 });
    expect(body.progress).toMatchObject({ total: 6, done: 4, failed: 0, remaining: 2 });
    // 4 rows over the last ~4 s: about a second a row, 2 rows to go.
    expect(body.progress.etaMs).toBeGreaterThanOrEqual(1500);
    expect(body.progress.etaMs).toBeLessThan(10_000);
  });

  it("counts rows a cancelled run never ran as not run, neither remaining nor different", async () => {
    const { body } = await json<EvalRunDetail>(routes.detail, { number: "5" });
    expect(body.progress).toMatchObject({ total: 12, done: 8, failed: 0, skipped: 4, remaining: 0, etaMs: null });
    expect(body.columns[0]!.summary).toMatchObject({ scored: 2, skipped: 4, pending: 0, passRate: 1 });
    expect(await positions("?filter=differences", "5")).toEqual([]);
    expect(await positions("?filter=failures", "5")).toEqual([]);
  });

  it("filters the matrix: failures, differences and regressions only", async () => {
    expect(await positions("")).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await positions("?filter=failures")).toEqual([1, 2, 3]);
    expect(await positions("?filter=differences")).toEqual([1, 2, 3, 4]);
    expect(await positions("?filter=regressions")).toEqual([1, 3]);
    // A run without a baseline has nothing to regress against.
    expect(await positions("?filter=regressions", "3")).toEqual([]);
  });

  it("searches values, expected outputs and outputs, taking % and _ literally", async () => {
    expect(await positions("?q=NEEDLE")).toEqual([4]);
    expect(await positions("?q=%25")).toEqual([2]);
    expect(await positions("?q=r_")).toEqual([]);
    expect(await positions("?q=r5")).toEqual([5]);
    expect(await positions("?q=said&filter=regressions")).toEqual([3]);
  });

  it("pages through the matrix by position, filters included", async () => {
    type Page = { rows: MatrixRow[]; nextAfter: number | null };
    const first = await json<Page>(routes.results, { number: "1", search: "?limit=4" });
    expect(first.body.rows.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(first.body.nextAfter).toBe(3);
    const second = await json<Page>(routes.results, { number: "1", search: "?limit=4&after=3" });
    expect(second.body.rows.map((r) => r.position)).toEqual([4, 5]);
    expect(second.body.nextAfter).toBeNull();
    const failing = await json<Page>(routes.results, { number: "1", search: "?filter=failures&limit=2" });
    expect(failing.body.rows.map((r) => r.position)).toEqual([1, 2]);
    expect(await positions(`?filter=failures&limit=2&after=${failing.body.nextAfter}`)).toEqual([3]);
    expect((await json<Page>(routes.results, { number: "1", search: "?limit=0" })).status).toBe(422);
  });

  it("gives each cell its output, error, per-evaluator verdicts with reasons, latency, tokens and cost", async () => {
    const { body } = await json<{ columns: Array<{ label: string }>; rows: MatrixRow[] }>(routes.results, {
      number: "1",
      search: "?filter=regressions",
    });
    expect(body.columns.map((c) => c.label)).toEqual(["v2", "production (v1)"]);
    const [row1, row3] = body.rows;
    expect(row1!.values).toEqual({ name: "r1" });
    expect(row1!.expected).toBe("A");
    expect(row1!.cells[0]).toMatchObject({
      status: "done",
      output: "B",
      pass: false,
      latencyMs: 480,
      inputTokens: 10,
      outputTokens: 5,
      costUsd: 0.001,
    });
    expect(row1!.cells[0]!.evaluators[2]!.name).toBe("Old check");
    expect(row1!.cells[0]!.evaluators[0]).toEqual({
      evaluatorId: "ev-equals",
      name: "Equals expected",
      pass: false,
      score: 0,
      reason: "said B, expected A",
    });
    expect(row3!.cells[0]).toMatchObject({
      status: "error",
      error: "The model timed out after 30 s.",
      pass: null,
      output: null,
    });
    expect(row3!.cells[1]).toMatchObject({ status: "done", pass: true });
  });

  it("compares two finished runs of one dataset version row by row", async () => {
    type Comparison = {
      columns: Array<{ label: string; summary: { passRate: number; delta: { passRate: number } | null } }>;
      rows: MatrixRow[];
    };
    const { status, body } = await json<Comparison>(routes.compare, { search: "?a=1&b=3" });
    expect(status).toBe(200);
    expect(body.columns.map((c) => c.label)).toEqual(["#1 v2", "#3 v3"]);
    expect(body.columns[1]!.summary.delta!.passRate).toBeCloseTo(5 / 6 - 0.8);
    expect(body.rows).toHaveLength(6);
    expect(body.rows[0]!.cells.map((c) => c!.output)).toEqual(["A", "Z"]);
    // #1's candidate is the reference: it passed row 0, #3 failed it.
    expect(
      (await json<Comparison>(routes.compare, { search: "?a=1&b=3&filter=regressions" })).body.rows.map(
        (r) => r.position,
      ),
    ).toEqual([0]);
    expect(
      (await json<Comparison>(routes.compare, { search: "?a=3&b=1&filter=regressions" })).body.rows.map(
        (r) => r.position,
      ),
    ).toEqual([1, 3]);
    const running = await json<Comparison>(routes.compare, { search: "?a=1&b=2" });
    expect(running.status).toBe(409);
    expect(running.body.error!.message).toContain("#2 is running");
    const otherRows = await json<Comparison>(routes.compare, { search: "?a=1&b=4" });
    expect(otherRows.status).toBe(409);
    expect(otherRows.body.error!.message).toContain("different dataset versions");
    expect((await json<Comparison>(routes.compare, { search: "?a=1&b=1" })).status).toBe(422);
    expect((await json<Comparison>(routes.compare, { search: "?a=1&b=99" })).status).toBe(404);
    expect((await json<Comparison>(routes.compare, { search: "?a=1" })).status).toBe(422);
  });

  it("exports the matrix as CSV with quotes, commas, newlines and formulas escaped", async () => {
    const res = await get(routes.exportFile, { number: "1", search: "?format=csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="eval-run-1.csv"');
    const text = await res.text();
    // The value with a quote, a comma and a newline is one quoted field, its quotes doubled.
    expect(text).toContain('"{""name"":""he said \\""hi\\"", then\\nleft""}"');
    // A spreadsheet would run "=SUM(…)" as a formula: it is exported as text.
    expect(text).toContain("'=SUM(A1:A9)");
    const parsed = Papa.parse<string[]>(text.trim(), { newline: "\r\n" });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(7);
    const header = parsed.data[0]!;
    expect(header.slice(0, 4)).toEqual(["position", "values", "expected", "v2 output"]);
    expect(header).toContain("production (v1) reasons");
    const row1 = parsed.data[2]!;
    expect(row1[header.indexOf("v2 pass")]).toBe("false");
    expect(row1[header.indexOf("v2 reasons")]).toBe(
      "Equals expected: fail (said B, expected A); Polite: pass; Old check: pass",
    );
    expect(parsed.data[4]![header.indexOf("v2 error")]).toBe("The model timed out after 30 s.");
  });

  it("exports JSON, with the matrix's filters", async () => {
    const res = await get(routes.exportFile, { number: "1", search: "?format=json" });
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { run: { number: number; columns: unknown[] }; rows: MatrixRow[] };
    expect(body.run.number).toBe(1);
    expect(body.run.columns).toHaveLength(2);
    expect(body.rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5]);
    const filtered = (await (
      await get(routes.exportFile, { number: "1", search: "?format=json&filter=regressions" })
    ).json()) as {
      rows: MatrixRow[];
    };
    expect(filtered.rows.map((r) => r.position)).toEqual([1, 3]);
    const none = (await (
      await get(routes.exportFile, { number: "1", search: "?format=json&q=nothing-matches" })
    ).json()) as {
      rows: MatrixRow[];
    };
    expect(none.rows).toEqual([]);
    expect((await get(routes.exportFile, { number: "1", search: "?format=xlsx" })).status).toBe(422);
  });

  it("lets a viewer read; an outsider and an unknown run get 404, a signed-out caller 401", async () => {
    for (const [route, number, search] of [
      [routes.list, undefined, ""],
      [routes.detail, "1", ""],
      [routes.results, "1", ""],
      [routes.exportFile, "1", "?format=json"],
      [routes.compare, undefined, "?a=1&b=3"],
    ] as const) {
      expect((await get(route, { number, search })).status, route).toBe(200);
      const outside = await get(route, { number, search, cookie: outsider });
      expect(outside.status, route).toBe(404);
      expect((await get(route, { number, search, cookie: "" })).status, route).toBe(401);
    }
    expect((await get(routes.detail, { number: "77" })).status).toBe(404);
    expect((await get(routes.results, { number: "99999999999" })).status).toBe(422);
  });

  it("renders the runs list with progress for the running run, and the run page with its cards and matrix", async () => {
    const { default: EvalsPage } = await import("@/app/p/[project]/evals/page");
    const list = await renderPage({
      file: "p/[project]/evals/page.tsx",
      url: `/p/${slug}/evals`,
      cookie: viewer,
      render: () => EvalsPage({ params: Promise.resolve({ project: slug }), searchParams: Promise.resolve({}) }),
    });
    expect(list).toContain(`href="/p/${slug}/evals/1"`);
    expect(list).toContain("4 done · 0 failed · 2 remaining");
    // A viewer reads; starting a run is for editors.
    expect(list).not.toContain("New evaluation</button>");

    const { default: EvalRunPage } = await import("@/app/p/[project]/evals/[number]/page");
    const render = (number: string) =>
      renderPage({
        file: "p/[project]/evals/[number]/page.tsx",
        url: `/p/${slug}/evals/${number}`,
        cookie: viewer,
        render: () => EvalRunPage({ params: Promise.resolve({ project: slug, number }) }),
      });
    const page = await render("1");
    expect(page).toContain("Eval run #1");
    expect(page).toContain("80.0%");
    expect(page).toContain("−3.3 pp");
    expect(page).toContain("Regressions only");
    expect(page).toContain("The model timed out after 30 s.");
    expect(page).toContain(`/api/projects/${slug}/eval-runs/1/export?format=csv`);
    expect(page).toContain("#3 support/reply v3");
    // A running run shows its ETA; cancelling is for editors, not this viewer.
    const running = await render("2");
    expect(running).toMatch(/4 done · 0 failed · 2 remaining · about \d+ s left/);
    expect(running).not.toContain("Cancel run");
    await expect(render("77")).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
    await expect(render("99999999999")).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
  });

  it("renders the compare page, and says why two runs cannot be compared", async () => {
    const { default: ComparePage } = await import("@/app/p/[project]/evals/compare/page");
    const render = (a: string, b: string) =>
      renderPage({
        file: "p/[project]/evals/compare/page.tsx",
        url: `/p/${slug}/evals/compare?a=${a}&b=${b}`,
        cookie: viewer,
        render: () =>
          ComparePage({ params: Promise.resolve({ project: slug }), searchParams: Promise.resolve({ a, b }) }),
      });
    const html = await render("1", "3");
    expect(html).toContain("Eval run #1 vs #3");
    expect(html).toContain("#3 v3");
    expect(html).toContain('data-testid="results-matrix"');
    expect(await render("1", "2")).toContain("#2 is running; only finished runs can be compared.");
    await expect(render("1", "x")).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
  });

  it("shows an empty runs list that points to datasets and evaluators", async () => {
    const { project, members } = await makeProject(["EDITOR"]);
    const { default: EvalsPage } = await import("@/app/p/[project]/evals/page");
    const html = await renderPage({
      file: "p/[project]/evals/page.tsx",
      url: `/p/${project.slug}/evals`,
      cookie: await signInAs(members[0]!.user),
      render: () =>
        EvalsPage({ params: Promise.resolve({ project: project.slug }), searchParams: Promise.resolve({}) }),
    });
    expect(html).toContain("No evaluations yet");
    expect(html).toContain(`href="/p/${project.slug}/datasets"`);
    expect(html).toContain(`href="/p/${project.slug}/evaluators"`);
    expect(html).toContain("New evaluation");
  });
});
