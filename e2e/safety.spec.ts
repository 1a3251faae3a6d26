import { expect, openPalette, PROJECT, test } from "./fixtures";

const api = `/api/projects/${PROJECT}`;
const suffix = () => Date.now().toString(36);

test("removing a provider asks first, naming what stops; Keep it keeps it, confirming removes it", async ({ page }) => {
  const name = `Local ${suffix()}`;
  const created = await page.request.post(`${api}/providers`, {
    data: { name, kind: "OPENAI_COMPATIBLE", baseUrl: "http://127.0.0.1:9/v1" },
  });
  expect(created.status()).toBe(200);
  await page.goto(`/p/${PROJECT}/settings/providers`);
  const row = page.getByTestId(`provider-${name}`);
  await row.getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${name}?` });
  await expect(dialog).toHaveAccessibleDescription(/stop running.*API key is deleted/);
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: "Remove" }).click();
  await dialog.getByRole("button", { name: `Remove ${name}` }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText(`${name} removed.`)).toBeVisible();
});

test("leaving a form with unsaved changes asks first, by a studio link or by reloading", async ({ page }) => {
  await page.goto(`/p/${PROJECT}/settings/webhooks`);
  const form = page.getByRole("form", { name: "Add a webhook" });
  const url = form.getByLabel("URL");
  const prompts = page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Prompts" });

  // Untouched: the link just goes.
  await prompts.click();
  await expect(page).toHaveURL(/\/prompts$/);
  await page.goBack();
  await url.fill("https://ci.example.com/hooks/galley");

  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await prompts.click();
  await expect.poll(() => asked).toEqual([expect.stringContaining("unsaved changes")]);
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(url).toHaveValue("https://ci.example.com/hooks/galley");
  // Staying means staying: no route-transition skeleton (shown 150 ms into a navigation) covers the form.
  // (Checked once, not retried: a skeleton gives up after 10 s, and a retrying check would wait for that.)
  await page.waitForTimeout(500);
  expect(await page.getByTestId("page-skeleton").count()).toBe(0);
  expect(await url.isVisible()).toBe(true);

  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked[1]).toBe("beforeunload");
  await expect(url).toHaveValue("");

  // A jump from the command palette asks too (it is no link click).
  await url.fill("https://ci.example.com/hooks/palette");
  await openPalette(page);
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.keyboard.type("settings members");
  await page.keyboard.press("Enter");
  await expect.poll(() => asked).toHaveLength(3);
  expect(asked[2]).toContain("unsaved changes");
  await expect(page).toHaveURL(/\/settings\/webhooks$/);
  await expect(url).toHaveValue("https://ci.example.com/hooks/palette");

  // Typed back to what was saved: nothing to lose, nothing asked.
  await url.fill("x");
  await url.fill("");
  await prompts.click();
  await expect(page).toHaveURL(/\/prompts$/);
  expect(asked).toHaveLength(3);
});

test("a new project's home lists its first steps and ticks one off once a prompt exists; hiding it sends home to the prompts", async ({
  page,
}) => {
  const created = await page.request.post("/api/projects", { data: { name: `First run ${suffix()}` } });
  expect(created.status()).toBe(200);
  const { slug } = (await created.json()) as { slug: string };
  await page.goto(`/p/${slug}`);
  const step = page.getByTestId("first-run-prompt");
  await expect(step.getByRole("link", { name: "Create a prompt" })).toHaveAttribute("href", `/p/${slug}/prompts/new`);
  await expect(step).toContainText("To do.");
  await expect(page.getByTestId("first-run-reviewer")).toContainText("To do.");
  const before = await page.getByTestId("first-run-count").innerText();

  const prompt = await page.request.post(`/api/projects/${slug}/prompts`, { data: { name: "hello", type: "TEXT" } });
  expect(prompt.status()).toBe(200);
  await page.reload();
  await expect(step).toContainText("Done.");
  await expect(step.getByRole("link")).toHaveCount(0);
  const count = (text: string) => Number(/^(\d) of 4/.exec(text)?.[1]);
  expect(count(await page.getByTestId("first-run-count").innerText())).toBe(count(before) + 1);

  await page.getByRole("button", { name: "Hide this checklist" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/prompts$`));
  await page.goto(`/p/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/prompts$`));
});
