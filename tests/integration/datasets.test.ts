// Datasets through the route handlers, signed in as a browser would be: versions keep their rows,
// imports are all or nothing with every problem by row, exports come back in unchanged.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { getEnv } from "@/lib/env";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";

import { ctxFor, makeProject } from "./helpers";
import { callRoute, runInRequestScope, signInAs } from "./route-client";

type Row = {
  position: number;
  id: string;
  values: Record<string, unknown>;
  expected: string | null;
  metadata: unknown;
};

const R = {
  list: "api/projects/[project]/datasets/route.ts",
  one: "api/projects/[project]/datasets/[datasetId]/route.ts",
  versions: "api/projects/[project]/datasets/[datasetId]/versions/route.ts",
  rows: "api/projects/[project]/datasets/[datasetId]/rows/route.ts",
  preview: "api/projects/[project]/datasets/[datasetId]/import/preview/route.ts",
  import: "api/projects/[project]/datasets/[datasetId]/import/route.ts",
  export: "api/projects/[project]/datasets/[datasetId]/versions/[version]/export/route.ts",
};

describe("datasets", () => {
  let fixture: Awaited<ReturnType<typeof makeProject>>;
  let editorCookie: string;
  let viewerCookie: string;
  const editor = () => fixture.members.find((m) => m.role === "EDITOR")!.user;

  beforeAll(async () => {
    await applyMigrations();
    fixture = await makeProject(["OWNER", "EDITOR", "VIEWER"]);
    editorCookie = await signInAs(editor());
    viewerCookie = await signInAs(fixture.members.find((m) => m.role === "VIEWER")!.user);
  });

  const call = async <T = Record<string, unknown>>(
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
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json: json as T, text, headers: res.headers };
  };
  const create = async (name: string) => {
    const res = await call<{ id: string }>(R.list, { method: "POST", body: { name, description: "d" } });
    expect(res.status).toBe(200);
    return res.json.id;
  };
  const rowsOf = async (datasetId: string, version?: number) => {
    const res = await call<{ rows: Row[]; nextAfter: number | null }>(R.rows, {
      method: "GET",
      params: { datasetId },
      search: `?limit=2000${version ? `&version=${version}` : ""}`,
    });
    expect(res.status).toBe(200);
    return res.json.rows;
  };

  it("saves versions from edits and leaves the rows of older versions unchanged", async () => {
    const id = await create("Refund questions");
    expect((await call(R.list, { method: "POST", body: { name: "refund QUESTIONS" } })).status).toBe(422);

    const v1 = await call(R.versions, {
      method: "POST",
      params: { datasetId: id },
      body: {
        baseVersion: 0,
        message: "first",
        rows: [
          { values: { q: "Where is my refund?" }, expected: "In 5 days" },
          { values: { q: "Cancel order" }, expected: null, metadata: { tag: "orders" } },
        ],
      },
    });
    expect(v1.json).toMatchObject({ number: 1, rowCount: 2, added: 2 });
    const first = await rowsOf(id);

    // Keep row 2 as it is, change row 1 (a new row), add one, in a new order.
    const v2 = await call(R.versions, {
      method: "POST",
      params: { datasetId: id },
      body: {
        baseVersion: 1,
        message: "second",
        rows: [
          { id: first[1]!.id },
          { values: { q: "Where is my refund??" }, expected: "In 5 working days" },
          { values: { q: "New" } },
        ],
      },
    });
    expect(v2.json).toMatchObject({ number: 2, rowCount: 3, added: 2 });
    const second = await rowsOf(id);
    expect(second.map((r) => r.values.q)).toEqual(["Cancel order", "Where is my refund??", "New"]);
    expect(second[0]!.id).toBe(first[1]!.id);
    // Version 1 reads exactly as it did.
    expect(await rowsOf(id, 1)).toEqual(first);

    // A save from a stale base is refused and writes nothing.
    const stale = await call<{ error: { message: string } }>(R.versions, {
      method: "POST",
      params: { datasetId: id },
      body: { baseVersion: 1, rows: [] },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toContain("version 2 is the latest");
    // Another dataset's row cannot be kept in this one.
    const other = await create("Other");
    await call(R.rows, { method: "POST", params: { datasetId: other }, body: { rows: [{ values: { x: 1 } }] } });
    const foreign = (await rowsOf(other))[0]!.id;
    expect(
      (
        await call(R.versions, {
          method: "POST",
          params: { datasetId: id },
          body: { baseVersion: 2, rows: [{ id: foreign }] },
        })
      ).status,
    ).toBe(422);

    const detail = await call<{
      latestVersion: number;
      rowCount: number;
      versions: { number: number; message: string }[];
    }>(R.one, { method: "GET", params: { datasetId: id }, cookie: viewerCookie });
    expect(detail.json).toMatchObject({ latestVersion: 2, rowCount: 3 });
    expect(detail.json.versions.map((v) => v.message)).toEqual(["second", "first"]);
    const list = await call<{ datasets: { name: string; rowCount: number; latestVersion: number }[] }>(R.list, {
      method: "GET",
      cookie: viewerCookie,
    });
    expect(list.json.datasets).toContainEqual(
      expect.objectContaining({ name: "Refund questions", rowCount: 3, latestVersion: 2 }),
    );
    // Viewers read but do not write.
    expect(
      (
        await call(R.rows, {
          method: "POST",
          params: { datasetId: id },
          body: { rows: [{ values: {} }] },
          cookie: viewerCookie,
        })
      ).status,
    ).toBe(403);
    // Audit entries name what happened.
    const actions = await db.auditEntry.findMany({ where: { targetId: id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual([
      "dataset.create",
      "dataset.version-create",
      "dataset.version-create",
    ]);
  });

  it("pages a version's rows by position", async () => {
    const id = await create("Paged");
    await call(R.versions, {
      method: "POST",
      params: { datasetId: id },
      body: { baseVersion: 0, rows: Array.from({ length: 25 }, (_, i) => ({ values: { n: i } })) },
    });
    const seen: number[] = [];
    let after = -1;
    for (;;) {
      const page = await call<{ rows: Row[]; nextAfter: number | null }>(R.rows, {
        method: "GET",
        params: { datasetId: id },
        search: `?limit=10&after=${after}`,
      });
      seen.push(...page.json.rows.map((r) => r.values.n as number));
      if (page.json.nextAfter === null) break;
      after = page.json.nextAfter;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect((await call(R.rows, { method: "GET", params: { datasetId: id }, search: "?version=9" })).status).toBe(404);
  });

  it("refuses a CSV with problems, writing nothing and naming every problem's row; imports a valid one as one version", async () => {
    const id = await create("Imported");
    const bad = ["question,expected", '"Hello, there",Hi', "too,many,cells", '"unclosed,quote'].join("\n");
    const preview = await call<{ problems: { row: number | null; message: string }[]; columns: string[] }>(R.preview, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "csv", content: bad },
    });
    expect(preview.status).toBe(200);
    expect(preview.json.columns).toEqual(["question", "expected"]);
    expect(preview.json.problems.map((p) => p.row)).toEqual(expect.arrayContaining([3, 4]));
    expect(preview.json.problems.find((p) => p.row === 3)!.message).toContain("3 cells but the header names 2 columns");
    const refused = await call<{ error: { details: { problems: { row: number }[] } } }>(R.import, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "csv", content: bad },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details.problems.map((p) => p.row)).toEqual(preview.json.problems.map((p) => p.row));
    expect(await db.datasetVersion.count({ where: { datasetId: id } })).toBe(0);
    expect(await db.datasetRow.count({ where: { datasetId: id } })).toBe(0);

    // With a prompt chosen, values are typed by its contract; a cell that does not fit is a problem on its row.
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: fixture.project.id,
      input: { name: "ds/typed", type: "TEXT", description: "", tags: [] },
    });
    await saveVersion({
      ctx: ctxFor(editor()),
      projectId: fixture.project.id,
      promptId: prompt.id,
      authorId: editor().id,
      baseVersion: 0,
      message: "v1",
      content: {
        template: "{{question}} {{count}} {{urgent}}",
        contract: {
          variables: [
            { name: "question", type: "string", required: true },
            { name: "count", type: "number", required: true },
            { name: "urgent", type: "boolean", required: false },
          ],
        },
        modelConfig: {},
      },
    });
    const typedCsv = "Question,count,urgent,answer,source\nHi,3,yes,Hello,web\nBye,three,no,See you,app\n";
    const mapping = {
      Question: { to: "variable", name: "question" },
      answer: { to: "expected" },
      source: { to: "metadata", key: "source" },
    };
    const typedPreview = await call<{ problems: { row: number; message: string }[] }>(R.preview, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "csv", content: typedCsv, mapping, promptId: prompt.id },
    });
    expect(typedPreview.json.problems).toEqual([
      { row: 3, message: "Row 3, column “count”: “three” is not a number (the variable count is number)." },
    ]);
    const good = typedCsv.replace("three", "4");
    const imported = await call(R.import, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "csv", content: good, mapping, promptId: prompt.id, message: "from CSV" },
    });
    expect(imported.json).toMatchObject({ number: 1, rowCount: 2, added: 2 });
    expect((await rowsOf(id)).map(({ values, expected, metadata }) => ({ values, expected, metadata }))).toEqual([
      { values: { question: "Hi", count: 3, urgent: true }, expected: "Hello", metadata: { source: "web" } },
      { values: { question: "Bye", count: 4, urgent: false }, expected: "See you", metadata: { source: "app" } },
    ]);
    // Append mode keeps the rows before it; replace starts over.
    await call(R.import, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "csv", content: "q\nmore\n", mode: "append" },
    });
    expect((await rowsOf(id)).length).toBe(3);
    await call(R.import, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "csv", content: "q\nonly\n", mode: "replace" },
    });
    expect((await rowsOf(id)).map((r) => r.values)).toEqual([{ q: "only" }]);
  });

  it("refuses a file over half of GALLEY_MAX_IMPORT_BYTES, the part a JSON-escaped file may fill", async () => {
    const id = await create("Too big");
    const limit = getEnv().GALLEY_MAX_IMPORT_BYTES / 2;
    const content = `q\n${"x".repeat(limit)}\n`;
    const preview = await call<{ problems: { row: number | null; message: string }[] }>(R.preview, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "csv", content },
    });
    expect(preview.json.problems).toEqual([
      {
        row: null,
        message:
          "The file is 20.0 MB; an import may be at most 20.0 MB (half of GALLEY_MAX_IMPORT_BYTES). Split the file.",
      },
    ]);
  });

  it("imports JSONL, listing bad JSON by line number", async () => {
    const id = await create("Lines");
    const bad = '{"q":"a","expected":"A"}\n\n{"q": oops}\n[1,2]\n';
    const refused = await call<{ error: { details: { problems: { row: number; message: string }[] } } }>(R.import, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "jsonl", content: bad },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details.problems.map((p) => p.row)).toEqual([3, 4]);
    expect(refused.json.error.details.problems[0]!.message).toMatch(/^Line 3 is not valid JSON/);
    const ok = await call(R.import, {
      method: "POST",
      params: { datasetId: id },
      body: { format: "jsonl", content: '{"q":"a","n":1,"expected":"A"}\n{"q":"b","n":{"deep":[true]}}\n' },
    });
    expect(ok.json).toMatchObject({ number: 1, rowCount: 2 });
    expect((await rowsOf(id)).map((r) => [r.values, r.expected])).toEqual([
      [{ q: "a", n: 1 }, "A"],
      [{ q: "b", n: { deep: [true] } }, null],
    ]);
  });

  it("exports CSV and JSONL that import back unchanged (commas, quotes, line breaks, unicode)", async () => {
    const id = await create("Round trip");
    const rows = [
      {
        values: { text: 'She said "hi", then left', n: "1,5" },
        expected: "line one\nline two",
        metadata: { lang: "en" },
      },
      { values: { text: "Grüße 🌍 — 日本語", n: " lead space" }, expected: '"quoted"', metadata: { lang: "de, ja" } },
      { values: { text: "=SUM(A1)", n: "" }, expected: null, metadata: null },
    ];
    await call(R.versions, { method: "POST", params: { datasetId: id }, body: { baseVersion: 0, rows } });
    const original = (await rowsOf(id)).map(({ values, expected, metadata }) => ({ values, expected, metadata }));

    const csv = await call(R.export, { method: "GET", params: { datasetId: id, version: "1" }, search: "?format=csv" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="Round-trip-v1.csv"');
    // Columns follow the stored values' key order (PostgreSQL orders JSON keys shortest first).
    expect(csv.text.split("\r\n")[0]).toBe('"n","text","expected","metadata.lang"');
    const jsonl = await call(R.export, {
      method: "GET",
      params: { datasetId: id, version: "1" },
      search: "?format=jsonl",
    });
    expect(jsonl.text.trim().split("\n")).toHaveLength(3);

    for (const [format, content] of [
      ["csv", csv.text],
      ["jsonl", jsonl.text],
    ] as const) {
      const copy = await create(`Copy ${format}`);
      const res = await call(R.import, { method: "POST", params: { datasetId: copy }, body: { format, content } });
      expect(res.status, format).toBe(200);
      const back = (await rowsOf(copy)).map(({ values, expected, metadata }) => ({ values, expected, metadata }));
      // An empty CSV cell is an empty string; JSONL keeps the values exactly.
      expect(back, format).toEqual(original);
    }
  });

  it("appends a playground run as a new version with the previous rows", async () => {
    const id = await create("From runs");
    await call(R.rows, { method: "POST", params: { datasetId: id }, body: { rows: [{ values: { q: "old" } }] } });
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: fixture.project.id,
      input: { name: "ds/run", type: "TEXT", description: "", tags: [] },
    });
    const run = await db.playgroundRun.create({
      data: {
        projectId: fixture.project.id,
        promptId: prompt.id,
        userId: editor().id,
        providerName: "fake",
        model: "m",
        settings: {},
        variables: { q: "from a run" },
        renderedMessages: [],
        output: "the run's answer",
      },
    });
    const res = await call(R.rows, {
      method: "POST",
      params: { datasetId: id },
      body: {
        rows: [{ values: run.variables, expected: run.output, metadata: { source: "playground-run", runId: run.id } }],
      },
    });
    expect(res.json).toMatchObject({ number: 2, rowCount: 2, added: 1 });
    expect((await rowsOf(id)).map((r) => [r.values.q, r.expected])).toEqual([
      ["old", null],
      ["from a run", "the run's answer"],
    ]);
    expect((await rowsOf(id, 1)).map((r) => r.values.q)).toEqual(["old"]);
  });

  it("refuses to delete a dataset an eval run uses, naming the run; archives and deletes otherwise", async () => {
    const id = await create("Used");
    await call(R.rows, { method: "POST", params: { datasetId: id }, body: { rows: [{ values: { q: "x" } }] } });
    const prompt = await createPrompt({
      ctx: ctxFor(editor()),
      projectId: fixture.project.id,
      input: { name: "ds/eval", type: "TEXT", description: "", tags: [] },
    });
    const version = await db.datasetVersion.findFirstOrThrow({ where: { datasetId: id } });
    const run = await db.evalRun.create({
      data: {
        projectId: fixture.project.id,
        number: 7,
        promptId: prompt.id,
        datasetId: id,
        datasetVersionId: version.id,
        evaluators: [],
        createdById: editor().id,
        totalItems: 1,
      },
    });
    const refused = await call<{ error: { message: string; details: unknown } }>(R.one, {
      method: "DELETE",
      params: { datasetId: id },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain("eval run #7");
    expect(refused.json.error.details).toEqual({ evalRuns: [7], gates: [] });
    expect(await db.dataset.count({ where: { id } })).toBe(1);

    const archived = await call(R.one, { method: "PATCH", params: { datasetId: id }, body: { archived: true } });
    expect(archived.json).toMatchObject({ archived: true, name: "Used" });
    expect(
      (await call(R.rows, { method: "POST", params: { datasetId: id }, body: { rows: [{ values: {} }] } })).status,
    ).toBe(409);

    await db.evalRun.delete({ where: { id: run.id } });
    const production = await db.environment.findFirstOrThrow({
      where: { projectId: fixture.project.id, slug: "production" },
    });
    await db.environmentGate.create({
      data: {
        environmentId: production.id,
        projectId: fixture.project.id,
        datasetId: id,
        evaluatorIds: [],
        minPassRate: 0.9,
      },
    });
    const gated = await call<{ error: { message: string } }>(R.one, { method: "DELETE", params: { datasetId: id } });
    expect(gated.status).toBe(409);
    expect(gated.json.error.message).toContain(`the ${production.name} gate`);
    await db.environmentGate.delete({ where: { environmentId: production.id } });
    expect((await call(R.one, { method: "DELETE", params: { datasetId: id } })).status).toBe(200);
    expect(await db.dataset.count({ where: { id } })).toBe(0);
    expect(await db.datasetRow.count({ where: { datasetId: id } })).toBe(0);
  });

  it("changes only the fields a PATCH names", async () => {
    const id = await create("Patched");
    const read = () =>
      db.dataset.findUniqueOrThrow({ where: { id }, select: { name: true, description: true, archivedAt: true } });
    await call(R.one, { method: "PATCH", params: { datasetId: id }, body: { description: "new words" } });
    expect(await read()).toEqual({ name: "Patched", description: "new words", archivedAt: null });
    await call(R.one, { method: "PATCH", params: { datasetId: id }, body: { name: "Patched again" } });
    expect(await read()).toEqual({ name: "Patched again", description: "new words", archivedAt: null });
  });

  it("saves a 10,000-row version in a few seconds", async () => {
    const id = await create("Big");
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      values: { q: `question ${i}`, n: i },
      expected: `answer ${i}`,
    }));
    const started = performance.now();
    const res = await call(R.versions, { method: "POST", params: { datasetId: id }, body: { baseVersion: 0, rows } });
    const savedMs = performance.now() - started;
    expect(res.json).toMatchObject({ number: 1, rowCount: 10_000 });
    // Keeping them all and adding one copies ids, not content.
    const kept = await db.datasetVersionRow.findMany({
      where: { version: { datasetId: id } },
      orderBy: { position: "asc" },
    });
    const again = performance.now();
    const v2 = await call(R.versions, {
      method: "POST",
      params: { datasetId: id },
      body: { baseVersion: 1, rows: [...kept.map((k) => ({ id: k.rowId })), { values: { q: "one more" } }] },
    });
    expect(v2.json).toMatchObject({ number: 2, rowCount: 10_001, added: 1 });
    expect(await db.datasetRow.count({ where: { datasetId: id } })).toBe(10_001);
    // Generous for a loaded 2-core machine; per-row round trips took far longer than this.
    expect(savedMs).toBeLessThan(15_000);
    expect(performance.now() - again).toBeLessThan(15_000);
  });

  it("renders the Datasets pages with the data and rights of the one looking", async () => {
    const id = await create("Shown on the page");
    const render = async <P>(file: string, url: string, cookie: string, props: P) => {
      const mod = (await import(/* @vite-ignore */ `@/app/${file.replace(/\.tsx$/, "")}`)) as {
        default: (p: P) => Promise<{ props: Record<string, unknown> }>;
      };
      const req = new NextRequest(`http://galley.test${url}`, { headers: { cookie, host: "galley.test" } });
      return runInRequestScope(req, file, () => mod.default(props));
    };
    const slug = fixture.project.slug;
    const list = await render("p/[project]/datasets/page.tsx", `/p/${slug}/datasets`, viewerCookie, {
      params: Promise.resolve({ project: slug }),
      searchParams: Promise.resolve({}),
    });
    expect(list.props.canEdit).toBe(false);
    expect((list.props.datasets as { id: string }[]).map((d) => d.id)).toContain(id);
    const one = await render("p/[project]/datasets/[datasetId]/page.tsx", `/p/${slug}/datasets/${id}`, editorCookie, {
      params: Promise.resolve({ project: slug, datasetId: id }),
      searchParams: Promise.resolve({ import: "1" }),
    });
    expect(one.props).toMatchObject({ canEdit: true, startImport: true, dataset: { id, name: "Shown on the page" } });
    // Another project's dataset id is the not-found page, not its data.
    await expect(
      render("p/[project]/datasets/[datasetId]/page.tsx", `/p/${slug}/datasets/nope`, editorCookie, {
        params: Promise.resolve({ project: slug, datasetId: "nope" }),
        searchParams: Promise.resolve({}),
      }),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
  });
});
