// The review page as its reviewer sees it: every panel (approvals and promote, the line picker and
// an open line, attached runs, the conversation of events and threads) rendered from a real review,
// with the labels, roles and test ids people and the e2e specs find them by.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import { commentOnReview } from "@/lib/reviews/comment-on-review";
import { createReview } from "@/lib/reviews/create-review";
import { decideReview } from "@/lib/reviews/decide-review";
import { setReviewRuns } from "@/lib/reviews/set-review-runs";

import { ctxFor, makeProject, placeVersion } from "./helpers";
import { renderPage } from "./render-page";
import { runInRequestScope, signInAs } from "./route-client";

const require = createRequire(import.meta.url);
// The context next/navigation's useRouter reads; a page is never rendered outside one.
const { AppRouterContext } =
  require("next/dist/shared/lib/app-router-context.shared-runtime") as typeof import("next/dist/shared/lib/app-router-context.shared-runtime");
const noop = () => undefined;
const router = {
  back: noop,
  forward: noop,
  refresh: noop,
  hmrRefresh: noop,
  push: noop,
  replace: noop,
  prefetch: noop,
  bfcacheId: "review-page-test",
};

describe("review page", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  let reviewNumber: number;
  let splitNumber: number;
  let cookie: string;
  const member = (role: ProjectRole) => f.members.find((m) => m.role === role)!.user;
  const as = (role: ProjectRole) => ({
    ctx: ctxFor(member(role)),
    project: f.project,
    actor: { id: member(role).id, name: member(role).name, role },
  });

  beforeAll(async () => {
    await applyMigrations();
    f = await makeProject(["EDITOR", "REVIEWER"]);
    const editor = member("EDITOR");
    const promptId = (
      await createPrompt({
        ctx: as("EDITOR").ctx,
        projectId: f.project.id,
        input: { name: "support/reply", type: "TEXT", description: "", tags: [] },
      })
    ).id;
    for (const n of [1, 2])
      await saveVersion({
        ctx: as("EDITOR").ctx,
        projectId: f.project.id,
        promptId,
        authorId: editor.id,
        baseVersion: n - 1,
        message: `v${n}`,
        content: { template: `Hello v${n}\nBye`, contract: { variables: [] }, modelConfig: {} },
      });
    reviewNumber = (
      await createReview({
        ...as("EDITOR"),
        input: {
          promptId,
          version: 2,
          environment: "staging",
          reviewerIds: [member("REVIEWER").id],
          title: "Warmer hello",
          description: "Please check the **tone**.",
        },
      })
    ).number;
    const run = await db.playgroundRun.create({
      data: {
        projectId: f.project.id,
        promptId,
        userId: editor.id,
        versionNumber: 2,
        providerName: "Local",
        model: "tiny",
        settings: {},
        variables: {},
        renderedMessages: [{ role: "user", content: "Hello v2" }],
        output: "Evidence answer",
      },
    });
    await setReviewRuns({ ...as("EDITOR"), number: reviewNumber, runIds: [run.id] });
    await commentOnReview({ ...as("REVIEWER"), number: reviewNumber, body: "Too stiff?", line: 1 });
    await decideReview({ ...as("REVIEWER"), number: reviewNumber, decision: "approve", body: "Looks good" });
    // Production runs v1; a second review asks for v2 at 10 % of it (a canary), and is approved.
    await placeVersion({ projectId: f.project.id, promptId, slug: "production", version: 1, by: editor });
    splitNumber = (
      await createReview({
        ...as("EDITOR"),
        input: {
          promptId,
          version: 2,
          environment: "production",
          reviewerIds: [member("REVIEWER").id],
          title: "Canary of the warmer hello",
          description: "",
          arms: [
            { version: 1, weight: 90 },
            { version: 2, weight: 10 },
          ],
        },
      })
    ).number;
    await decideReview({ ...as("REVIEWER"), number: splitNumber, decision: "approve", body: "" });
    cookie = await signInAs(member("REVIEWER"));
  });

  it("shows the reviewer every panel with what it is about", async () => {
    const { default: ReviewPage } = await import("@/app/p/[project]/reviews/[number]/page");
    const req = new NextRequest(`http://galley.test/p/${f.project.slug}/reviews/${reviewNumber}`, {
      headers: { cookie, host: "galley.test" },
    });
    const page = (await runInRequestScope(req, "p/[project]/reviews/[number]/page.tsx", () =>
      ReviewPage({ params: Promise.resolve({ project: f.project.slug, number: String(reviewNumber) }) }),
    )) as ReactElement;
    const html = renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, page));
    const reviewer = member("REVIEWER").name;

    expect(html).toContain(`Warmer hello <span class="font-normal text-muted">#${reviewNumber}</span>`);
    expect(html).toMatch(
      new RegExp(
        `data-testid="approval-summary"><span class="font-medium text-success">1 of 1 approval: ${reviewer}</span>`,
      ),
    );
    expect(html).toMatch(/<button[^>]*>Promote v2 to Staging<\/button>/);
    expect(html).toContain('<label for="comment-line">Comment on line</label>');
    expect(html).toMatch(/data-testid="review-runs"><li[^>]*>.*Evidence answer<\/pre><\/li><\/ul>/);
    const conversation = html.slice(html.indexOf('data-testid="conversation"'));
    expect(conversation.indexOf('data-testid="event-opened"')).toBeGreaterThan(-1);
    expect(conversation).toContain("<strong>tone</strong>");
    // Events and threads in time order: opened, the line comment, then the approval.
    expect(conversation.indexOf('data-testid="event-opened"')).toBeLessThan(
      conversation.indexOf('data-testid="thread"'),
    );
    expect(conversation.indexOf('data-testid="thread"')).toBeLessThan(
      conversation.indexOf('data-testid="event-approved"'),
    );
    expect(conversation).toMatch(/Line 1 of v2/);
    expect(conversation).toContain("Too stiff?");
    expect(conversation).toMatch(/<button[^>]*>Approve v2<\/button><button[^>]*>Request changes<\/button>/);
  });

  it("says what a review of a split releases wherever it is acted on: heading, promote, approve, the list", async () => {
    const { default: ReviewPage } = await import("@/app/p/[project]/reviews/[number]/page");
    const html = await renderPage({
      file: "p/[project]/reviews/[number]/page.tsx",
      url: `/p/${f.project.slug}/reviews/${splitNumber}`,
      cookie,
      render: () => ReviewPage({ params: Promise.resolve({ project: f.project.slug, number: String(splitNumber) }) }),
    });
    expect(html).toContain('asks to promote <strong class="text-ink">v2 at 10 % (v1 90 %)</strong> of');
    expect(html).toMatch(/<button[^>]*>Promote v2 at 10 % \(v1 90 %\) to Production<\/button>/);
    expect(html).toMatch(/<button[^>]*>Approve v2 at 10 % \(v1 90 %\)<\/button>/);
    expect(html).not.toMatch(/>(Promote|Approve) v2( to Production)?</);

    const { default: ReviewsPage } = await import("@/app/p/[project]/reviews/page");
    const list = await renderPage({
      file: "p/[project]/reviews/page.tsx",
      url: `/p/${f.project.slug}/reviews?scope=all`,
      cookie,
      render: () =>
        ReviewsPage({
          params: Promise.resolve({ project: f.project.slug }),
          searchParams: Promise.resolve({ scope: "all" }),
        }),
    });
    const row = (number: number) => {
      const start = list.indexOf(`#${number}</span>`);
      return list.slice(start, list.indexOf("</li>", start));
    };
    expect(row(splitNumber)).toContain("v2 at 10 % (v1 90 %) → ");
    expect(row(reviewNumber)).toMatch(/>v2 → /);
  });
});
