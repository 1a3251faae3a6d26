import { expect, PROJECT, test } from "./fixtures";

type OpenApi = { paths: Record<string, Record<string, { operationId: string }>> };
const METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);

test("the API reference lists every operation of /api/openapi.json, deep-links, filters, copies its examples, and loads nothing from elsewhere", async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));

  // A deep link lands on its operation, well below the top of the page.
  await page.goto("/docs/api#renderPrompt");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  const render = page.locator("article#renderPrompt");
  await expect(render.getByRole("heading", { level: 3 })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await expect(render).toContainText("prompts:read");

  // Every operation of the document, once, in the page and in its table of contents.
  const openapi = (await (await page.request.get("/api/openapi.json")).json()) as OpenApi;
  const ids = Object.values(openapi.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([, op]) => op.operationId),
  );
  expect(ids.length).toBeGreaterThan(0);
  const operations = page.locator("[data-operation]");
  await expect(operations).toHaveCount(ids.length);
  expect((await operations.evaluateAll((els) => els.map((e) => e.id))).sort()).toEqual([...ids].sort());
  const toc = page.getByRole("navigation", { name: "Operations" });
  await expect(toc.getByRole("link")).toHaveCount(ids.length);

  // The curl example is highlighted on the server, and Copy puts exactly that text on the clipboard.
  const curl = render.getByTestId("snippet-curl");
  await expect(curl.locator("pre span[style*='--shiki-light']").first()).toBeVisible();
  const shown = (await curl.locator("pre").textContent())!;
  expect(shown).toContain(`curl -X POST '${origin}/api/prompts/support/refund-reply/render'`);
  await render.getByRole("button", { name: "Copy curl example" }).click();
  await expect(render.getByRole("button", { name: "Copied: Copy curl example" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

  // The filter narrows the operations and the contents; one that matches nothing says so.
  const filter = page.getByRole("searchbox", { name: "Filter operations" });
  // By path: "versions" alone is also in the served prompt's description ("a split between versions").
  await filter.fill("/versions");
  await expect(page.locator("[data-operation]:visible")).toHaveCount(1);
  await expect(page.locator("article#createVersion")).toBeVisible();
  await expect(toc.getByRole("link")).toHaveCount(1);
  await filter.fill("no such call");
  await expect(page.getByText("No operation matches “no such call”.")).toBeVisible();
  await expect(page.locator("[data-operation]:visible")).toHaveCount(0);
  // A deep link to an operation the filter hides clears the filter.
  await page.evaluate(() => (window.location.hash = "getEval"));
  await expect(page.locator("article#getEval")).toBeInViewport();
  await expect(filter).toHaveValue("");

  // Nothing left the origin while the page loaded and ran.
  expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);

  // On a phone the page does not scroll sideways: code scrolls inside its block; contents fold.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(toc.getByRole("link").first()).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await toc.getByRole("button", { name: "Contents" }).click();
  await toc.getByRole("link", { name: /evals\/\{number\}/ }).click();
  await expect(page.locator("article#getEval")).toBeInViewport();
});

test("Settings → API keys and “Use this prompt” link to the reference; the prompt's examples are highlighted with copy buttons", async ({
  page,
}) => {
  const api = `/api/projects/${PROJECT}`;
  const prompt = await (
    await page.request.post(`${api}/prompts`, { data: { name: "reference/greeting", type: "TEXT" } })
  ).json();
  const saved = await page.request.post(`${api}/prompts/${prompt.id}/versions`, {
    data: {
      baseVersion: 0,
      message: "v1",
      content: { template: "Hello {{name}}", contract: { variables: [] }, modelConfig: { model: "gpt-4o-mini" } },
    },
  });
  expect(saved.status()).toBe(200);

  await page.goto(`/p/${PROJECT}/prompts/reference/greeting?view=use`);
  const use = page.getByTestId("use-prompt");
  await expect(use.locator("pre[data-lang='typescript'] span[style*='--shiki-dark']").first()).toBeVisible();
  await expect(use.getByRole("button", { name: "Copy the SDK example" })).toBeVisible();
  await expect(use.locator("pre[data-lang='python'] span[style*='--shiki-dark']").first()).toBeVisible();
  await expect(use.getByRole("button", { name: "Copy the Python example" })).toBeVisible();
  // Switching environment shows that environment's examples.
  await use.getByRole("button", { name: /^Staging/ }).click();
  await expect(use).toContainText("/api/prompts/reference/greeting?environment=staging");
  await use.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);

  await page.goto(`/p/${PROJECT}/settings/api-keys`);
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");
});
