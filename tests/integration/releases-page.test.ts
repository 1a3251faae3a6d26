// The Releases tab and its read routes: what each environment runs (a version or a split), a
// split's steps, requests and feedback per arm, ended releases a page at a time, and the split shown
// where a version is shown elsewhere (prompt page header, prompt list, Environments page). Releases
// are written here as the release functions leave them (rows), so this file tests the read side.
import { beforeAll, describe, expect, it } from "vitest";

import { ReleasesTab } from "@/components/releases/releases-tab";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import type { ReleaseDetail } from "@/lib/release-outcomes/get-release-detail";
import type { ReleasesOverview } from "@/lib/releases/get-releases-overview";

import { ctxFor, makeProject } from "./helpers";
import { openPromptTab, renderElement, renderPage } from "./render-page";
import { callRoute, signInAs } from "./route-client";

const split = [
  { version: 2, weight: 90 },
  { version: 3, weight: 10 },
];

describe("Releases tab", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let promptId: string;
  let releaseId: string;
  let other: { projectSlug: string; cookie: string };
  const cookies = new Map<ProjectRole, string>();
  const member = (role: ProjectRole) => f.members.find((m) => m.role === role)!.user;
  const api = (suffix = "") => ({
    route: `api/projects/[project]/prompts/[promptId]/releases${suffix ? "/[releaseId]" : ""}/route.ts`,
    params: { project: f.project.slug, promptId, ...(suffix ? { releaseId: suffix } : {}) },
  });

  /** The prompt page at ?search as `role` sees it, down to the tab's HTML. */
  const openTab = async (role: ProjectRole, search: string) => {
    const opened = await openPromptTab({
      projectSlug: f.project.slug,
      name: "support/reply",
      search,
      cookie: cookies.get(role)!,
    });
    expect(opened.type).toBe(ReleasesTab);
    return { header: renderElement(opened.header), tab: renderElement(opened.output!) };
  };

  beforeAll(async () => {
    await applyMigrations();
    f = await makeProject(["EDITOR", "VIEWER", "REVIEWER"]);
    const editor = member("EDITOR");
    const ctx = ctxFor(editor);
    promptId = (
      await createPrompt({
        ctx,
        projectId: f.project.id,
        input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
      })
    ).id;
    for (const n of [1, 2, 3])
      await saveVersion({
        ctx,
        projectId: f.project.id,
        promptId,
        authorId: editor.id,
        baseVersion: n - 1,
        message: `message ${n}`,
        content: { template: `Hello v${n}`, contract: { variables: [] }, modelConfig: {} },
      });
    const envs = await db.environment.findMany({ where: { projectId: f.project.id } });
    const env = (slug: string) => envs.find((e) => e.slug === slug)!;
    const by = { createdById: editor.id, createdByName: editor.name };
    const t0 = new Date(Date.now() - 30 * 60_000);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    // Production (protected) runs a split v2 90 % · v3 10 %, started then ramped from 5 %.
    const release = await db.release.create({
      data: {
        projectId: f.project.id,
        environmentId: env("production").id,
        promptId,
        baseVersion: 2,
        arms: split,
        createdAt: t0,
        ...by,
      },
    });
    releaseId = release.id;
    await db.environmentPrompt.create({
      data: { environmentId: env("production").id, promptId, version: 2, releaseId },
    });
    const step = (
      minutes: number,
      data: { arms: unknown; fromArms: unknown; reason?: string; reviewNumber?: number },
    ) =>
      db.deployment.create({
        data: {
          projectId: f.project.id,
          environmentId: env("production").id,
          promptId,
          promptName: "support/reply",
          fromVersion: 2,
          toVersion: 2,
          actorId: editor.id,
          actorName: editor.name,
          kind: data.fromArms ? "release-ramp" : "release-start",
          releaseId,
          createdAt: at(minutes),
          ...data,
        } as never,
      });
    await step(0, {
      arms: [
        { version: 2, weight: 95 },
        { version: 3, weight: 5 },
      ],
      fromArms: null,
      reviewNumber: 4,
    });
    await step(10, {
      arms: split,
      fromArms: [
        { version: 2, weight: 95 },
        { version: 3, weight: 5 },
      ],
      reason: "errors look fine",
    });
    // Usage from two API keys and two instances' flushes; feedback: thumbs and numbers.
    await db.usageCount.createMany({
      data: [
        { minute: at(1), version: 2, apiKeyId: "k1", count: 50 },
        { minute: at(1), version: 2, apiKeyId: "k2", count: 40 },
        { minute: at(1), version: 3, apiKeyId: "k1", count: 4 },
        { minute: at(12), version: 3, apiKeyId: "k1", count: 6 },
      ].map((u) => ({ ...u, projectId: f.project.id, promptId, environmentId: env("production").id, releaseId })),
    });
    await db.feedback.createMany({
      data: [
        { version: 2, kind: "thumbs", score: 1 },
        { version: 2, kind: "thumbs", score: -1 },
        { version: 3, kind: "thumbs", score: 1 },
        { version: 3, kind: "number", score: 4 },
      ].map((r) => ({ ...r, projectId: f.project.id, promptId, releaseId, apiKeyId: "k1" })),
    });
    // Staging runs v1 after twelve ended releases (one page of ten, then two).
    await db.environmentPrompt.create({ data: { environmentId: env("staging").id, promptId, version: 1 } });
    for (let i = 0; i < 12; i++)
      await db.release.create({
        data: {
          projectId: f.project.id,
          environmentId: env("staging").id,
          promptId,
          baseVersion: 1,
          arms: [
            { version: 1, weight: 100 - (i + 1) },
            { version: 2, weight: i + 1 },
          ],
          status: i === 11 ? "aborted" : "promoted",
          endVersion: i === 11 ? 1 : 2,
          createdAt: at(-100 + i),
          endedAt: at(-99 + i),
          ...by,
        },
      });
    for (const role of ["EDITOR", "VIEWER", "REVIEWER"] as const) cookies.set(role, await signInAs(member(role)));
    // A project the editor is no member of, for the tenant check.
    const stranger = await makeProject(["EDITOR"]);
    other = { projectSlug: stranger.project.slug, cookie: await signInAs(stranger.members[0]!.user) };
  });

  it("shows each environment's split or version, the split's steps and its figures, and the moves a role may make", async () => {
    const editor = await openTab("EDITOR", "?view=releases");
    expect(editor.header).toContain("Releases");
    expect(editor.header).toContain("Production: v2 90 % · v3 10 %");
    const production = editor.tab.slice(editor.tab.indexOf('data-testid="release-production"'));
    expect(production).toContain("v2 90 % · v3 10 %");
    expect(production).toContain("v2 (base): message 2");
    expect(production).toContain("Started v3 at 5 %");
    expect(production).toContain("Ramped v3 5 % → 10 %");
    expect(production).toContain("“errors look fine”");
    expect(production).toContain(`/reviews/4`);
    // Protected: the editor asks for reviews; an abort needs a reviewer or admin.
    expect(production).toContain("Request review of a ramp");
    expect(production).toContain("Request review: v3 to 100 %");
    expect(production).toContain("Request review of new shares");
    expect(production).not.toContain("Abort to v2");
    expect(production).not.toContain("Ramp to 25 %");
    // Figures per arm: requests from both keys, feedback counts, mean and thumbs-up rate.
    expect(production).toMatch(/data-testid="arm-v2".*?"requests">90<.*?"ratings">2<.*?"mean">–<.*?"thumbs-up">50 %/);
    expect(production).toMatch(
      /data-testid="arm-v3".*?"requests">10<.*?"ratings">2<.*?"mean">4\.00<.*?"thumbs-up">100 %/,
    );
    // Each arm's interval (Wilson's for 1 up of 2: 9 % to 91 %) and the verdict against the base.
    expect(production).toContain("9 % – 91 %");
    expect(production).toContain("Not enough data yet: 1 rating for v3 and 2 ratings for v2, at least 30 needed.");
    const staging = editor.tab.slice(editor.tab.indexOf('data-testid="release-staging"'));
    expect(staging).toContain("Runs <strong>v1</strong> for everyone");
    expect(staging).toContain("Start a canary");
    expect(editor.tab).toContain("aborted to v1");
    expect(editor.tab).toContain("Older releases");

    const reviewer = await openTab("REVIEWER", "?view=releases");
    expect(reviewer.tab).toContain("Abort to v2");
    const viewer = await openTab("VIEWER", "?view=releases");
    expect(viewer.tab).toContain("v2 90 % · v3 10 %");
    for (const move of ["Start a canary", "Request review", "Abort to", "Ramp to", "Set shares", "Promote v"])
      expect(viewer.tab).not.toContain(move);
  });

  it("answers the overview and one release's figures over HTTP, pages ended releases and keeps to the project", async () => {
    const res = await callRoute(api().route, { method: "GET", params: api().params, cookie: cookies.get("VIEWER") });
    expect(res.status).toBe(200);
    const overview = (await res.json()) as ReleasesOverview;
    const production = overview.environments.find((e) => e.environment.slug === "production")!;
    expect(production.version).toBe(2);
    expect(production.release).toMatchObject({ id: releaseId, arms: split, baseVersion: 2, status: "active" });
    expect(production.release!.steps.map((s) => s.arms?.[1]?.weight)).toEqual([5, 10]);
    expect(overview.environments.find((e) => e.environment.slug === "development")).toMatchObject({
      version: null,
      release: null,
    });
    expect(overview.past).toHaveLength(10);
    expect(overview.past[0]).toMatchObject({ status: "aborted", endVersion: 1 });
    const older = await callRoute(api().route, {
      method: "GET",
      params: api().params,
      search: `?before=${overview.nextBefore}`,
      cookie: cookies.get("VIEWER"),
    });
    const second = (await older.json()) as ReleasesOverview;
    expect(second.past.map((r) => r.arms[1]!.weight)).toEqual([2, 1]);
    expect(second.nextBefore).toBeNull();

    const detail = (await (
      await callRoute(api(releaseId).route, {
        method: "GET",
        params: api(releaseId).params,
        cookie: cookies.get("VIEWER"),
      })
    ).json()) as ReleaseDetail;
    expect(detail.usage.totals).toEqual({ "2": 90, "3": 10 });
    expect(detail.usage.bucketMinutes).toBe(1);
    // One bucket a minute from the release's start to now, zeros included.
    expect(detail.usage.points.length).toBeGreaterThanOrEqual(31);
    expect(detail.usage.points.filter((p) => Object.values(p.counts).some(Boolean)).map((p) => p.counts)).toEqual([
      { "2": 90, "3": 4 },
      { "2": 0, "3": 6 },
    ]);
    expect(detail.feedback).toMatchObject([
      {
        version: 2,
        count: 2,
        mean: { value: null, n: 0 },
        thumbsUp: 1,
        thumbsDown: 1,
        thumbsUpRate: { value: 0.5, n: 2 },
      },
      { version: 3, count: 2, mean: { value: 4, n: 1 }, thumbsUp: 1, thumbsDown: 0, thumbsUpRate: { value: 1, n: 1 } },
    ]);
    expect(detail.verdicts).toMatchObject([{ version: 3, comparison: { verdict: "not-enough-data" } }]);

    // Another project's member reaches neither, not even through their own project's URL.
    const foreign = await callRoute(api(releaseId).route, {
      method: "GET",
      params: { ...api(releaseId).params, project: other.projectSlug },
      cookie: other.cookie,
    });
    expect(foreign.status).toBe(404);
    const missing = await callRoute(api("nosuchrelease").route, {
      method: "GET",
      params: api("nosuchrelease").params,
      cookie: cookies.get("VIEWER"),
    });
    expect(missing.status).toBe(404);
  });

  it("shows the split where a version is shown: the prompt list and the Environments page", async () => {
    const list = await renderPage({
      file: "p/[project]/prompts/page.tsx",
      url: `/p/${f.project.slug}/prompts`,
      cookie: cookies.get("VIEWER")!,
      render: async () => {
        const { default: Page } = await import("@/app/p/[project]/prompts/page");
        return Page({ params: Promise.resolve({ project: f.project.slug }), searchParams: Promise.resolve({}) });
      },
    });
    expect(list).toMatch(/data-testid="env-badge-production"[^>]*>.*?v2 90 % · v3 10 %/);
    const environments = await renderPage({
      file: "p/[project]/environments/page.tsx",
      url: `/p/${f.project.slug}/environments?env=production`,
      cookie: cookies.get("VIEWER")!,
      render: async () => {
        const { default: Page } = await import("@/app/p/[project]/environments/page");
        return Page({
          params: Promise.resolve({ project: f.project.slug }),
          searchParams: Promise.resolve({ env: "production" }),
        });
      },
    });
    expect(environments).toMatch(/data-testid="environment-prompts".*?v2 90 % · v3 10 %/s);
    expect(environments).toMatch(/data-testid="deployment-timeline".*?Ramped v3 5 % → 10 %.*?Started v3 at 5 %/s);
  });
});
