import type { Page } from "@playwright/test";

import { expect, memberContext, PROJECT, test } from "./fixtures";

// Two members edit one prompt's shared working copy at once, one of them offline for a while;
// a viewer watches. Everything here goes through the real server: the WebSocket at /api/collab,
// the live document in the database, the live/save route.

const editor = (page: Page) => page.getByTestId("template-editor");
const text = (page: Page) => editor(page).locator(".view-lines");
const status = (page: Page) => page.getByTestId("save-status");

/** Clicks into the editor and moves to the end of its text. */
async function toEnd(page: Page) {
  await text(page).click();
  await page.keyboard.press("ControlOrMeta+End");
}

/**
 * The text in the page's editor, as its Monaco model holds it (innerText would add a line break
 * at each remote cursor: the caret is an absolutely positioned box).
 */
const shown = (page: Page) =>
  page.evaluate(() => (window as unknown as { monaco: MonacoGlobal }).monaco.editor.getEditors()[0]!.getValue());
type MonacoGlobal = { editor: { getEditors(): Array<{ getValue(): string }> } };

test("two members type into one prompt at once, see each other's cursor, merge offline edits; the save lists the co-author; a viewer watches read-only", async ({
  page,
  browser,
  outsideRequests,
}) => {
  test.slow();
  const api = `/api/projects/${PROJECT}`;
  const created = await page.request.post(`${api}/prompts`, { data: { name: "live/greeting", type: "TEXT" } });
  expect(created.status(), await created.text()).toBe(200);
  const { id } = (await created.json()) as { id: string };
  const ana = await memberContext({ browser, ownerRequest: page.request, role: "EDITOR", outside: outsideRequests });
  const viewer = await memberContext({ browser, ownerRequest: page.request, role: "VIEWER", outside: outsideRequests });
  const anaPage = await ana.context.newPage();
  const viewerPage = await viewer.context.newPage();
  const url = `/p/${PROJECT}/prompts/live/greeting`;
  await Promise.all([page.goto(url), anaPage.goto(url), viewerPage.goto(url)]);
  for (const p of [page, anaPage]) await expect(status(p)).toContainText("All changes saved");

  // Both type at the same moment into the same text.
  await toEnd(page);
  await toEnd(anaPage);
  await Promise.all([page.keyboard.type("Hello from Olivia."), anaPage.keyboard.type("Ana was here.")]);
  await expect
    .poll(async () => {
      const [a, b] = [await shown(page), await shown(anaPage)];
      return a === b && a.includes("Hello from Olivia.") && a.includes("Ana was here.");
    })
    .toBe(true);

  // Each sees the other's cursor, labelled with their name (the viewer has one too).
  const labels = (p: Page) =>
    editor(p)
      .locator(".yRemoteSelectionHead")
      .evaluateAll((heads) => heads.map((el) => getComputedStyle(el, "::after").content));
  await expect.poll(() => labels(page)).toContain('"EDITOR member"');
  await expect.poll(() => labels(anaPage)).toContain('"Olivia Owner"');
  await expect(page.getByRole("list", { name: "Also editing" })).toContainText("EDITOR member");

  // Undo takes back only your own edit.
  await anaPage.keyboard.type(" Oops");
  await expect.poll(() => shown(page)).toContain(" Oops");
  await page.keyboard.type(" Kept");
  await expect.poll(() => shown(anaPage)).toContain(" Kept");
  await anaPage.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => shown(page)).not.toContain(" Oops");
  expect(await shown(page)).toContain(" Kept");

  // Ana goes offline and keeps typing; Olivia types too; both texts meet when Ana is back.
  await ana.context.setOffline(true);
  await expect(status(anaPage)).toContainText("Offline – your changes will be saved when the connection returns");
  await anaPage.keyboard.press("ControlOrMeta+End");
  await anaPage.keyboard.type(" Written offline.");
  await page.keyboard.type(" Written online.");
  await expect.poll(() => shown(page)).toContain(" Written online.");
  expect(await shown(page)).not.toContain("Written offline");
  await ana.context.setOffline(false);
  await expect(status(anaPage)).toContainText("All changes saved");
  await expect
    .poll(async () => {
      const [a, b] = [await shown(page), await shown(anaPage)];
      return a === b && a.includes("Written offline.") && a.includes("Written online.");
    })
    .toBe(true);

  // The viewer saw it all live, and cannot type.
  await expect.poll(() => shown(viewerPage)).toBe(await shown(page));
  await expect(status(viewerPage)).toContainText("Read-only");
  await toEnd(viewerPage);
  await viewerPage.keyboard.type("viewer text");
  await expect.poll(() => shown(page)).not.toContain("viewer text");
  expect(await shown(viewerPage)).not.toContain("viewer text");

  // The model settings and the description are shared as well.
  await anaPage.getByLabel("Temperature", { exact: true }).fill("0.3");
  await expect(page.getByLabel("Temperature", { exact: true })).toHaveValue("0.3");
  await page.getByLabel("Description", { exact: true }).fill("Greets a customer");
  await expect(anaPage.getByLabel("Description", { exact: true })).toHaveValue("Greets a customer");

  // Olivia saves: she is the author, Ana a co-author; Ana hears of it.
  await page.keyboard.press("ControlOrMeta+s");
  await page.getByLabel("What changed?").fill("Written together");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved version 1. Co-authors: EDITOR member.")).toBeVisible();
  await expect(anaPage.getByText("Olivia Owner saved version 1.")).toBeVisible();
  await expect(status(page)).toContainText("based on v1");
  // Olivia is not told about her own version a second time (the news reaches her tab too).
  await expect(page.getByText("Olivia Owner saved version 1.")).toHaveCount(0);
  await expect(status(anaPage)).toContainText("based on v1");
  const version = (await (await page.request.get(`${api}/prompts/${id}/versions/1`)).json()) as {
    author: string;
    coAuthors: Array<{ name: string }>;
    content: { template: string; modelConfig: { temperature?: number } };
  };
  expect(version.author).toBe("Olivia Owner");
  expect(version.coAuthors.map((a) => a.name)).toEqual(["EDITOR member"]);
  expect(version.content.template).toBe(await shown(page));
  expect(version.content.modelConfig.temperature).toBe(0.3);

  // The prompt is archived while Ana is in it: her next edit is refused and the banner says why.
  const archived = await page.request.patch(`${api}/prompts/${id}`, { data: { archived: true } });
  expect(archived.status()).toBe(200);
  await toEnd(anaPage);
  const banner = anaPage.getByTestId("live-refusal");
  // The server re-reads permissions at most every 5 s: Ana types until it has.
  await expect(async () => {
    await anaPage.keyboard.type(".");
    await expect(banner).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(banner).toContainText("This prompt was archived, so it is read-only.");
  await expect(status(anaPage)).toContainText("Read-only");
  await Promise.all([ana.context.close(), viewer.context.close()]);
});
