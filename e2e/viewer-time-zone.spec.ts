import type { Page } from "@playwright/test";

import { baseURL, ownerState } from "../playwright.config";
import { expect, guard, memberContext, PROJECT, test } from "./fixtures";

// A viewer in another time zone than the server's: every page with dates must hydrate without a
// mismatch (React #418), show the viewer's own zone, and leaving a page with a Monaco diff must not
// throw ("TextModel got disposed before DiffEditorWidget model got reset").
const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const viewerZone = serverZone === "Pacific/Auckland" ? "America/Los_Angeles" : "Pacific/Auckland";
const zoneLabel = viewerZone === "Pacific/Auckland" ? /GMT\+1[23]/ : /PST|PDT/;

function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

test("a viewer in another time zone sees their own times, labelled, with no hydration or Monaco errors", async ({
  page,
  browser,
  outsideRequests,
}) => {
  test.slow();
  const api = `/api/projects/${PROJECT}`;
  const content = (template: string) => ({
    template,
    contract: { variables: [{ name: "customer", type: "string", required: true }] },
    modelConfig: {},
  });

  // Data with dates on every page: a prompt with two versions deployed to development, a review
  // for production (which runs nothing yet), a reviewer's decision in the owner's inbox, an API key.
  const reviewer = await memberContext({
    browser,
    ownerRequest: page.request,
    role: "REVIEWER",
    outside: outsideRequests,
  });
  const reviewerId = reviewer.userId;
  const prompt = await (
    await page.request.post(`${api}/prompts`, { data: { name: "zones/greeting", type: "TEXT" } })
  ).json();
  for (const [i, text] of [
    "Hello {{customer}}.",
    "Hello {{customer}}, how can we help?\nA second line that is long enough to wrap in a narrow diff editor, so both sides must wrap alike.",
  ].entries()) {
    expect(
      (
        await page.request.post(`${api}/prompts/${prompt.id}/versions`, {
          data: { baseVersion: i, message: `v${i + 1}`, content: content(text) },
        })
      ).status(),
    ).toBe(200);
  }
  for (const version of [1, 2])
    expect(
      (
        await page.request.post(`${api}/prompts/${prompt.id}/deployments`, {
          data: { environment: "development", version },
        })
      ).status(),
    ).toBe(200);
  const review = await (
    await page.request.post(`${api}/reviews`, {
      data: { promptId: prompt.id, version: 2, environment: "production", reviewerIds: [reviewerId] },
    })
  ).json();
  expect(
    (
      await reviewer.context.request.post(`${api}/reviews/${review.number}/decisions`, {
        data: { decision: "request-changes", body: "Say hello warmly." },
      })
    ).status(),
  ).toBe(200);
  expect(
    (await page.request.post(`${api}/api-keys`, { data: { name: "zones e2e", scopes: ["prompts:read"] } })).status(),
  ).toBe(200);

  const context = await browser.newContext({ baseURL, storageState: ownerState, timezoneId: viewerZone });
  await guard(context, outsideRequests);
  const viewer = await context.newPage();
  const problems = watch(viewer);
  const openDiff = async (url: string) => {
    await viewer.goto(url);
    await expect(viewer.locator(".modified-in-monaco-diff-editor .view-lines")).toBeVisible();
  };

  // The review: nothing runs in production, so nothing is "breaking".
  await openDiff(`/p/${PROJECT}/reviews/${review.number}`);
  await expect(viewer.getByText("`customer` is new (required).")).toBeVisible();
  await expect(viewer.getByText(/Breaking/)).toHaveCount(0);
  const opened = viewer.getByTestId("event-opened").locator("time");
  await expect(opened).toHaveText(/ago|just now/);
  await expect(opened).toHaveAttribute("title", zoneLabel);
  // Leave it inside the app (React unmounts the diff editor).
  await viewer.getByRole("link", { name: "← Reviews" }).click();
  await expect(viewer).toHaveURL(/\/reviews$/);

  // Compare two versions, then leave through a tab.
  await openDiff(`/p/${PROJECT}/prompts/zones/greeting?view=compare&a=1&b=2`);
  await viewer.getByRole("link", { name: /^History/ }).click();
  await expect(viewer).toHaveURL(/view=history/);

  await viewer.goto(`/p/${PROJECT}/prompts/zones/greeting?view=deployments&env=development`);
  await expect(viewer.getByTestId("prompt-deployments").locator("time").first()).toHaveAttribute("title", zoneLabel);
  await viewer.goto(`/p/${PROJECT}/environments?env=development`);
  await expect(viewer.getByTestId("deployment-timeline").locator("time").first()).toHaveAttribute("title", zoneLabel);
  await viewer.goto(`/p/${PROJECT}/settings/api-keys`);
  await expect(viewer.getByRole("row").filter({ hasText: "zones e2e" }).locator("time").first()).toHaveAttribute(
    "title",
    zoneLabel,
  );
  await viewer.goto(`/p/${PROJECT}/settings/members`);
  await expect(viewer.locator("main time").first()).toBeVisible();
  await viewer.goto(`/p/${PROJECT}/settings/audit`);
  await expect(viewer.getByTestId("audit-table").locator("time").first()).toHaveAttribute("title", zoneLabel);
  await viewer.goto("/inbox");
  await expect(viewer.getByTestId("inbox")).toContainText("zones/greeting");
  await expect(viewer.getByTestId("inbox").locator("time").first()).toHaveAttribute("title", zoneLabel);
  // No time is left in the server's UTC form once the page has hydrated.
  await expect(viewer.locator("time").filter({ hasText: / UTC$/ })).toHaveCount(0);

  expect(problems, "console errors or page errors while browsing in another time zone").toEqual([]);
  await context.close();
  await reviewer.context.close();
});
