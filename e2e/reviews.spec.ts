import { editorAndReviewer, expect, PROJECT, test } from "./fixtures";

const content = (template: string) => ({ template, contract: { variables: [] }, modelConfig: {} });
/** The environments page takes times without a zone (UTC). */
const utc = (d: Date) => d.toISOString().replace("Z", "");

test("an editor asks a reviewer, the reviewer comments on a line and asks for changes, the editor updates, the reviewer approves, the editor promotes, an admin rolls back", async ({
  page,
  browser,
  outsideRequests,
}) => {
  test.slow();
  const { editor, reviewer, asEditor, asReviewer } = await editorAndReviewer({
    browser,
    ownerRequest: page.request,
    outside: outsideRequests,
  });
  const handle = (email: string) => email.split("@")[0]!;
  const api = `/api/projects/${PROJECT}`;

  // Production already runs v1 (through a review done over the API).
  const prompt = await (
    await editor.context.request.post(`${api}/prompts`, { data: { name: "reviews/refund-reply", type: "TEXT" } })
  ).json();
  const save = async (n: number, text: string) =>
    expect(
      (
        await editor.context.request.post(`${api}/prompts/${prompt.id}/versions`, {
          data: { baseVersion: n - 1, message: `v${n}`, content: content(text) },
        })
      ).status(),
    ).toBe(200);
  await save(1, "Sorry about your order.\nWe will refund you within 5 days.");
  const reviewerId = reviewer.userId;
  const first = await (
    await editor.context.request.post(`${api}/reviews`, {
      data: { promptId: prompt.id, version: 1, environment: "production", reviewerIds: [reviewerId] },
    })
  ).json();
  expect(
    (
      await reviewer.context.request.post(`${api}/reviews/${first.number}/decisions`, { data: { decision: "approve" } })
    ).status(),
  ).toBe(200);
  expect((await editor.context.request.post(`${api}/reviews/${first.number}/promote`, { data: {} })).status()).toBe(
    200,
  );
  await new Promise((r) => setTimeout(r, 1100));
  const beforePromotion = new Date();
  await new Promise((r) => setTimeout(r, 1100));

  // The editor requests a review of v2 from the version page.
  await save(2, "We will refund you within 5 days.");
  await asEditor.goto(`/p/${PROJECT}/prompts/reviews/refund-reply?view=version&v=2`);
  await asEditor.getByRole("link", { name: "Request review" }).click();
  await expect(asEditor.getByLabel("Promote to")).toHaveValue("production");
  await asEditor.getByRole("checkbox", { name: new RegExp(reviewer.email) }).check();
  await asEditor.getByLabel("Message").fill(`Shorter reply. @${handle(reviewer.email)} please check the tone.`);
  await asEditor.getByRole("button", { name: "Request review" }).click();
  await expect(asEditor.getByRole("heading", { name: /reviews\/refund-reply to Production/ })).toBeVisible();
  const reviewUrl = new URL(asEditor.url()).pathname;

  // The reviewer finds it in the inbox and in "To review", and sees the diff against production's v1.
  await asReviewer.goto("/inbox");
  await expect(asReviewer.getByTestId("unread-count")).toBeVisible();
  await expect(asReviewer.getByTestId("inbox")).toContainText(
    "asks you to review reviews/refund-reply v2 for Production",
  );
  await asReviewer.goto(`/p/${PROJECT}/reviews`);
  await asReviewer.getByRole("navigation", { name: "Reviews" }).getByRole("link", { name: "To review" }).click();
  await expect(asReviewer.getByTestId("review-list").locator("li")).toHaveCount(1);
  await asReviewer.getByRole("link", { name: /reviews\/refund-reply to Production/ }).click();
  await expect(asReviewer).toHaveURL(new RegExp(`${reviewUrl}$`));
  await expect(asReviewer.getByTestId("review-diff")).toContainText("We will refund you within 5 days.");
  await expect(asReviewer.getByTestId("review-diff")).toContainText("Sorry about your order.");

  // A comment on line 1, picked by clicking its number in the diff's gutter. A click while the
  // diff is still settling (on mount it adds a glyph margin, which moves the gutter) can land in
  // the text and only move Monaco's cursor (seen on a loaded machine): click again, as a person
  // would, until the panel opens.
  const panel = asReviewer.getByTestId("line-panel");
  const lineNumber = asReviewer.getByTestId("review-diff").locator(".editor.modified .line-numbers").first();
  await expect(async () => {
    if (!(await panel.isVisible())) await lineNumber.click();
    await expect(panel).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(panel).toContainText("Line 1");
  await panel.getByLabel("Comment on line 1").fill("Dropping the apology sounds cold.");
  await panel.getByRole("button", { name: "Comment on line 1" }).click();
  await expect(panel.getByTestId("thread")).toContainText("Dropping the apology sounds cold.");
  await expect(asReviewer.locator(".galley-comment-glyph")).toHaveCount(1);
  await asReviewer.getByLabel("Your comment").fill("Please keep an apology.");
  await asReviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(asReviewer.getByTestId("review-status")).toHaveText("Changes requested");

  // The editor is told, updates the version and puts it up for review.
  await asEditor.goto("/inbox");
  await expect(asEditor.getByTestId("inbox")).toContainText("asked for changes on review");
  await save(3, "Sorry about that.\nWe will refund you within 5 days.");
  await asEditor.goto(reviewUrl);
  await asEditor.getByRole("button", { name: "Update review to v3" }).click();
  await expect(asEditor.getByTestId("review-status")).toHaveText("Open");

  // The reviewer sees the new version (their line comment now outdated), resolves the thread and approves.
  await asReviewer.reload();
  await expect(asReviewer.getByTestId("review-diff")).toContainText("Sorry about that.");
  const thread = asReviewer.getByTestId("conversation").getByTestId("thread");
  await expect(thread).toContainText("Line 1 of v2 (outdated)");
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(thread.getByTestId("thread-resolved")).toContainText("Resolved by REVIEWER member");
  await asReviewer.getByRole("button", { name: "Approve v3" }).click();
  await expect(asReviewer.getByTestId("approval-summary")).toContainText("1 of 1 approval: REVIEWER member");

  // The editor promotes in one click.
  await asEditor.reload();
  await asEditor.getByRole("button", { name: "Promote v3 to Production" }).click();
  await expect(asEditor.getByTestId("review-status")).toHaveText("Promoted");
  await asEditor.goto(`/p/${PROJECT}/environments?env=production`);
  await expect(
    asEditor.getByTestId("environment-prompts").getByRole("row").filter({ hasText: "reviews/refund-reply" }),
  ).toContainText("v3");
  // Applications see the promotion at once.
  const key = (
    await (
      await page.request.post(`${api}/api-keys`, { data: { name: "reviews e2e", scopes: ["prompts:read"] } })
    ).json()
  ).secret as string;
  const served = async () =>
    (await (
      await page.request.get("/api/prompts/reviews/refund-reply", { headers: { authorization: `Bearer ${key}` } })
    ).json()) as { version: number; template: string };
  expect(await served()).toMatchObject({
    version: 3,
    template: "Sorry about that.\nWe will refund you within 5 days.",
  });

  // An admin rolls production back, with a reason, from the prompt's deployment timeline.
  await page.goto(`/p/${PROJECT}/prompts/reviews/refund-reply?view=deployments&env=production`);
  await page.getByRole("button", { name: "Emergency rollback to v1" }).click();
  await page.getByRole("button", { name: "Roll back now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "needs a reason" })).toBeVisible();
  await page.getByLabel(/Why roll Production back/).fill("v3 promises a refund window we cannot keep");
  await page.getByRole("button", { name: "Roll back now" }).click();
  await expect(page.getByText("Production runs v1 again.")).toBeVisible();
  expect((await served()).version).toBe(1);
  // Going back to v3 now is a move forward: it is worded so, never as a rollback.
  await expect(page.getByRole("button", { name: "Emergency redeploy of v3" })).toBeVisible();
  await expect(page.getByRole("button", { name: /rollback to v3/i })).toHaveCount(0);
  await expect(page.getByTestId("prompt-deployments").locator("li").first()).toContainText("emergency rollback");
  await asEditor.goto("/inbox");
  await expect(asEditor.getByTestId("inbox")).toContainText("rolled reviews/refund-reply back to v1 in Production");

  // Production as it was before the promotion ran v1; between then and now it went v1 → v3 → v1.
  await page.goto(`/p/${PROJECT}/environments?env=production&at=${utc(beforePromotion)}`);
  await expect(
    page.getByTestId("environment-prompts").getByRole("row").filter({ hasText: "reviews/refund-reply" }),
  ).toContainText("v1");
  await page.goto(`/p/${PROJECT}/environments?env=production&from=${utc(beforePromotion)}`);
  await expect(page.getByText("No prompt changed in Production in that time.")).toBeVisible();

  await editor.context.close();
  await reviewer.context.close();
});
