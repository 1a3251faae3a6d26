// The prompt page: ?view= picks one tab, each tab loads its own data, and hands its component only
// what the viewer may see. Pages and tabs run in the request scope Next.js gives them, signed in
// through next-auth, against a real database.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

import { CompareTab } from "@/components/prompts/compare-tab";
import { DeploymentsTab } from "@/components/prompts/deployments-tab";
import { EditTab } from "@/components/prompts/edit-tab";
import { HistoryTab } from "@/components/prompts/history-tab";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { RunsTab } from "@/components/prompts/runs-tab";
import { SettingsTab } from "@/components/prompts/settings-tab";
import { UseTab } from "@/components/prompts/use-tab";
import { VersionTab } from "@/components/prompts/version-tab";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { saveTestCase } from "@/lib/playground/test-cases";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";

import { ctxFor, makeProject } from "./helpers";
import { openPromptTab } from "./render-page";
import { signInAs } from "./route-client";

type Element = ReactElement<Record<string, unknown>>;
type Tab = (props: Record<string, unknown>) => Element | null | Promise<Element | null>;
const text = (template: string, variables: Array<{ name: string; type: "string"; required: boolean }> = []) => ({
  template,
  contract: { variables },
  modelConfig: {},
});

describe("prompt page tabs", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  let runId: string;
  const cookies = new Map<ProjectRole, string>();
  const member = (role: ProjectRole) => f.members.find((m) => m.role === role)!.user;

  /** Renders the page for `role` at `?search`, then the one tab it chose, as Next.js would. */
  const open = async (role: ProjectRole, search: string) => {
    const { type, output, rest } = await openPromptTab({
      projectSlug: f.project.slug,
      name: "support/reply",
      search,
      cookie: cookies.get(role)!,
    });
    expect(rest).toEqual([]);
    return { type: type as Tab, output: output as Element | null };
  };

  beforeAll(async () => {
    await applyMigrations();
    f = await makeProject(["EDITOR", "VIEWER"]);
    const editor = member("EDITOR");
    const ctx = ctxFor(editor);
    await createPrompt({
      ctx,
      projectId: f.project.id,
      input: { name: "support/other", type: "TEXT", description: "", tags: [] },
    });
    promptId = (
      await createPrompt({
        ctx,
        projectId: f.project.id,
        input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
      })
    ).id;
    for (const n of [1, 2])
      await saveVersion({
        ctx,
        projectId: f.project.id,
        promptId,
        authorId: editor.id,
        baseVersion: n - 1,
        message: `message ${n}`,
        content: text(`Hello v${n}`),
      });
    await saveVersion({
      ctx,
      projectId: f.project.id,
      promptId,
      authorId: editor.id,
      baseVersion: 2,
      // The viewer edited the shared copy too (when they could), so v3 has a co-author.
      coAuthorIds: [member("VIEWER").id],
      message: "message 3",
      content: text("Hello {{customer}}", [{ name: "customer", type: "string", required: true }]),
    });
    // Development runs v2: the pointer and its deployment record, as a deploy leaves them.
    const development = await db.environment.findFirstOrThrow({
      where: { projectId: f.project.id, slug: "development" },
    });
    await db.environmentPrompt.create({ data: { environmentId: development.id, promptId, version: 2 } });
    await db.deployment.create({
      data: {
        projectId: f.project.id,
        environmentId: development.id,
        promptId,
        promptName: "support/reply",
        fromVersion: null,
        toVersion: 2,
        actorId: editor.id,
        actorName: editor.name,
      },
    });
    await saveTestCase({
      projectId: f.project.id,
      promptId,
      userId: editor.id,
      name: "refund",
      values: { customer: "Ada" },
    });
    runId = (
      await db.playgroundRun.create({
        data: {
          projectId: f.project.id,
          promptId,
          userId: editor.id,
          versionNumber: 3,
          providerName: "Local",
          model: "tiny",
          settings: {},
          variables: { customer: "Ada" },
          renderedMessages: [{ role: "user", content: "Hello Ada" }],
          output: "Hi there",
          totalMs: 12,
        },
      })
    ).id;
    for (const role of ["EDITOR", "VIEWER"] as const) cookies.set(role, await signInAs(member(role)));
  });

  it("shows the tab ?view= names, and the editor for anything else", async () => {
    const cases: Array<[string, Tab]> = [
      ["", EditTab as Tab],
      ["?view=nonsense", EditTab as Tab],
      ["?view=history", HistoryTab as Tab],
      ["?view=compare", CompareTab as Tab],
      ["?view=version&v=1", VersionTab as Tab],
      ["?view=deployments", DeploymentsTab as Tab],
      ["?view=runs", RunsTab as Tab],
      ["?view=settings", SettingsTab as Tab],
      ["?view=use", UseTab as Tab],
    ];
    for (const [search, tab] of cases) expect((await open("VIEWER", search)).type, search).toBe(tab);
  });

  it("gives an editor the test cases, other prompts and the run to reopen; a viewer can neither edit nor run", async () => {
    const asEditor = (await open("EDITOR", `?run=${runId}`)).output as Element;
    expect(asEditor.type).toBe(PromptEditor);
    expect(asEditor.props).toMatchObject({
      canEdit: true,
      canRun: true,
      canRequestReview: true,
      promptNames: expect.arrayContaining(["support/other"]),
      reopen: { id: runId, output: "Hi there" },
    });
    expect((asEditor.props.testCases as Array<{ name: string }>).map((t) => t.name)).toEqual(["refund"]);
    const asViewer = (await open("VIEWER", "")).output as Element;
    expect(asViewer.props).toMatchObject({
      canEdit: false,
      canRun: false,
      canRequestReview: false,
      testCases: [],
      providers: [],
      reopen: null,
    });
  });

  it("lists versions with where they run, and runs with what was sent and answered", async () => {
    const history = renderToStaticMarkup((await open("VIEWER", "?view=history")).output!);
    expect(history).toContain('data-testid="version-history"');
    expect(history).toMatch(
      />v2<\/a><span[^>]*>message 2<\/span><span data-testid="env-badge-development"[^>]*><span[^>]*>Development<\/span>/,
    );
    expect(history).toContain("Compare with v2");
    const runs = renderToStaticMarkup((await open("VIEWER", "?view=runs")).output!);
    expect(runs).toContain("[user] Hello Ada");
    expect(runs).toContain("Hi there");
    expect(runs).toContain(`?run=${runId}`);
  });

  it("names who else edited a version after its author, in the history", async () => {
    const [editor, viewer] = [member("EDITOR"), member("VIEWER")];
    const history = renderToStaticMarkup((await open("VIEWER", "?view=history")).output!);
    const bylines = [...history.matchAll(/data-testid="version-byline"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(bylines).toEqual([`${editor.name} with ${viewer.name},`, `${editor.name},`, `${editor.name},`]);
  });

  it("compares the last two versions by default and answers a version that does not exist with the 404 page", async () => {
    expect(((await open("VIEWER", "?view=compare")).output as Element).props).toMatchObject({
      a: 2,
      b: 3,
      originalText: "Hello v2",
      modifiedText: "Hello {{customer}}",
    });
    // notFound() throws Next's 404 signal, which the framework turns into the not-found page.
    for (const search of ["?view=version&v=99", "?view=compare&a=1&b=99"])
      await expect(open("VIEWER", search), search).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
    expect(((await open("VIEWER", "?view=version")).output as Element).props).toMatchObject({
      version: { number: 3 },
      deployTargets: null,
      requestReviewHref: null,
    });
  });

  it("shows an app how to read the latest version, from the address people use, and the deployments of the chosen environment", async () => {
    const use = ((await open("VIEWER", "?view=use")).output as Element).props as {
      environments: unknown;
      snippets: Record<string, Record<"fetch" | "render" | "sdk", Element>>;
    };
    expect(use.environments).toEqual(
      expect.arrayContaining([{ slug: "development", name: "Development", version: 2 }]),
    );
    // Each environment's examples, highlighted on the server: the address people use, the latest
    // version's variables.
    const render = use.snippets.development!.render.props as { code: string };
    expect(render.code).toContain('"http://galley.test/api/prompts/support/reply/render"');
    expect(render.code).toContain('"environment":"development","variables":{"customer":');
    expect((use.snippets.development!.fetch.props as { code: string }).code).toContain(
      '"http://galley.test/api/prompts/support/reply?environment=development"',
    );
    // Production is what an app reads when it names no environment.
    expect((use.snippets.production!.fetch.props as { code: string }).code).toContain(
      '"http://galley.test/api/prompts/support/reply"',
    );
    const [picker, timeline] = ((await open("EDITOR", "?view=deployments&env=development")).output as Element).props
      .children as Element[];
    expect(renderToStaticMarkup(picker!)).toMatch(/aria-current="page"[^>]*>Development \(v2\)</);
    expect(timeline!.props).toMatchObject({
      environment: { slug: "development" },
      current: 2,
      deployments: [{ toVersion: 2 }],
      may: { deploy: true, emergency: false, review: true },
    });
  });
});
