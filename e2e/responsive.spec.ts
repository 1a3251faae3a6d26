import type { Browser, Locator, Page } from "@playwright/test";

import { FAKE_OPENAI_PORT } from "../playwright.config";
import { expect, memberContext, PROJECT, test } from "./fixtures";

const api = `/api/projects/${PROJECT}`;
const NAME = "responsive/a-rather-long-prompt-name-for-the-support-team-refund-replies";
const TAGS = ["support", "refunds", "customer-facing", "tone", "english", "reviewed-by-legal"];

const DESCRIPTION = "Shorter, **friendlier** reply. See [the guide](https://example.test/guide) and `tone: warm`.";

/**
 * Everything the pages below show, seeded over the API as the owner, but for the review: an editor
 * asks the owner for it (nobody reviews their own request), which also puts it in the owner's inbox.
 */
async function seed(page: Page, browser: Browser, outside: string[]) {
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(`${api}${path}`, { data });
    expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  const provider = await post("/providers", {
    name: "Fake for phones",
    kind: "OPENAI_COMPATIBLE",
    baseUrl: `http://127.0.0.1:${FAKE_OPENAI_PORT}/v1`,
    apiKey: "test-key",
    defaultModel: "fake-echo",
  });
  const prompt = await post("/prompts", {
    name: NAME,
    type: "TEXT",
    description: "Answers a customer who asks for a refund, in the tone the support team agreed on last spring.",
    tags: TAGS,
  });
  for (const n of [1, 2])
    await post(`/prompts/${prompt.id}/versions`, {
      baseVersion: n - 1,
      message: `v${n}: a commit message long enough to need more than one line on a phone`,
      content: {
        template: `Write a reply to {{customer}} about their refund, version ${n}. `.repeat(4),
        contract: { variables: [{ name: "customer", type: "string", required: true }] },
        modelConfig: { provider: provider.name, model: "fake-echo" },
      },
    });
  await post(`/prompts/${prompt.id}/deployments`, { environment: "development", version: 2 });
  const owner = (await (await page.request.get("/api/auth/session")).json()) as { userId: string };
  const editor = await memberContext({ browser, ownerRequest: page.request, role: "EDITOR", outside });
  const requested = await editor.context.request.post(`${api}/reviews`, {
    data: {
      promptId: prompt.id,
      version: 2,
      environment: "production",
      reviewerIds: [owner.userId],
      description: DESCRIPTION,
    },
  });
  expect(requested.status(), await requested.text()).toBe(200);
  const review = (await requested.json()) as { number: number };
  await editor.context.close();
  const dataset = await post("/datasets", { name: "Phone customers", description: "Two rows" });
  await post(`/datasets/${dataset.id}/rows`, {
    rows: [
      { values: { customer: "Ada" }, expected: "Ada" },
      { values: { customer: "Grace Brewster Murray Hopper, Rear Admiral" }, expected: "Grace" },
    ],
  });
  const evaluator = await post("/evaluators", { name: "mentions the customer", kind: "contains" });
  const run = await post("/eval-runs", {
    promptId: prompt.id,
    candidate: { version: 2 },
    baseline: null,
    datasetId: dataset.id,
    evaluatorIds: [evaluator.id],
  });
  return { review: review.number, dataset: dataset.id as string, run: run.number as number };
}

/** The page's width against the window's, and the innermost elements that stick out past its right edge. */
function sidewaysOverflow() {
  const innerWidth = window.innerWidth;
  const out: string[] = [];
  const name = (el: Element) => {
    const cls = typeof el.className === "string" ? el.className.split(" ").slice(0, 4).join(".") : "";
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls ? `.${cls}` : ""}>`;
  };
  /** Whether `el` or something in it sticks out; records the innermost such elements. */
  const visit = (el: Element): boolean => {
    // A frame that scrolls or clips its own content keeps it off the page.
    const clips = el !== document.body && ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
    const inner = clips ? false : [...el.children].map(visit).some(Boolean);
    const wide = el.getBoundingClientRect().right > innerWidth + 0.5;
    if (wide && !inner && out.length < 3) out.push(name(el));
    return wide || inner;
  };
  visit(document.body);
  // Something positioned inside a scrolling frame but placed against the page (an sr-only span
  // whose frame is not `relative`) stretches the page without sticking out of any frame.
  if (out.length === 0)
    for (const el of document.querySelectorAll("body *"))
      if (
        out.length < 3 &&
        getComputedStyle(el).position === "absolute" &&
        el.getBoundingClientRect().right > innerWidth + 0.5
      )
        out.push(`${name(el)} (positioned)`);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits: out.join(", ") || "none found" };
}

test("at 390 px no page scrolls sideways; at 1280 px the prompt list keeps each cell on one line, tags visible", async ({
  page,
  browser,
  outsideRequests,
}) => {
  test.slow();
  const seeded = await seed(page, browser, outsideRequests);
  const p = `/p/${PROJECT}`;
  const prompt = `${p}/prompts/${NAME}`;
  /** The page's name (for the failure message), its path, and what only shows once its data has loaded. */
  const pages: Array<[string, string, ((page: Page) => Locator)?]> = [
    ["prompts list", `${p}/prompts`],
    ["prompt history", `${prompt}?view=history`],
    ["prompt compare", `${prompt}?view=compare&a=1&b=2`],
    ["prompt version", `${prompt}?view=version&v=2`],
    ["prompt deployments", `${prompt}?view=deployments`],
    ["prompt runs", `${prompt}?view=runs`],
    ["prompt details", `${prompt}?view=settings`],
    ["use this prompt", `${prompt}?view=use`],
    ["reviews list", `${p}/reviews`],
    ["a review", `${p}/reviews/${seeded.review}`],
    ["evaluations", `${p}/evals`],
    ["an eval run", `${p}/evals/${seeded.run}`],
    ["datasets", `${p}/datasets`],
    ["a dataset", `${p}/datasets/${seeded.dataset}`, (pg) => pg.getByLabel("Row 2, customer")],
    ["evaluators", `${p}/evaluators`],
    ["environments", `${p}/environments`],
    ["settings", `${p}/settings`],
    ["settings: members", `${p}/settings/members`],
    ["settings: providers", `${p}/settings/providers`],
    ["settings: environments", `${p}/settings/environments`],
    ["settings: API keys", `${p}/settings/api-keys`],
    ["settings: webhooks", `${p}/settings/webhooks`],
    ["settings: audit log", `${p}/settings/audit`],
    ["inbox", "/inbox"],
    ["profile", "/account"],
    ["new project", "/projects/new"],
  ];

  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, path, ready] of pages) {
    await page.goto(path);
    await expect(page.locator("main h1").first(), `${name} (${path}) did not render`).toBeVisible();
    // What a page fetches after loading (a dataset's rows) must be there before measuring.
    if (ready) await expect(ready(page), `${name} (${path}) did not show its data`).toBeVisible();
    const { scrollWidth, innerWidth, culprits } = await page.evaluate(sidewaysOverflow);
    expect
      .soft(scrollWidth, `${name} (${path}) scrolls sideways at 390 px; too wide: ${culprits}`)
      .toBeLessThanOrEqual(innerWidth);
  }

  // The inbox previews the review's description as plain text, not markdown.
  await page.goto("/inbox");
  await expect(page.getByTestId("inbox-preview").first()).toHaveText(
    "Shorter, friendlier reply. See the guide and tone: warm.",
  );

  // A reviewer reading a review on a phone has the decision at hand; it steps aside at the comment box.
  await page.goto(`${p}/reviews/${seeded.review}`);
  const decide = page.getByRole("region", { name: "Decide" });
  await expect(decide.getByRole("button", { name: /^Approve v\d+$/ })).toBeInViewport();
  await decide.getByRole("button", { name: "Comment…" }).click();
  await expect(page.getByLabel("Your comment")).toBeFocused();
  await expect(decide).toBeHidden();

  // On a phone the prompt list is cards, each naming where the prompt runs. The list starts
  // fetching the editor before any prompt is opened (when idle, or on pointing at a prompt).
  const editorFetched = page.waitForRequest((r) => new URL(r.url()).pathname.startsWith("/monaco/"));
  await page.goto(`${p}/prompts`);
  const card = page.getByTestId("prompt-cards").getByRole("listitem").filter({ hasText: NAME });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("env-badge-development")).toHaveText("Development v2");
  await expect(page.getByTestId("prompt-table")).toBeHidden();

  // At 1280 px: a table whose cells stay on one line, with every tag reachable.
  await page.setViewportSize({ width: 1280, height: 900 });
  const row = page.getByTestId("prompt-table").getByRole("row").filter({ hasText: NAME });
  await expect(row).toBeVisible();
  for (const testId of ["prompt-changed", "prompt-tags", "prompt-environments"]) {
    const lines = await row.getByTestId(testId).evaluate((el) => {
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
      return el.getBoundingClientRect().height / lineHeight;
    });
    expect(lines, `the prompt list's ${testId} cell wraps at 1280 px`).toBeLessThan(1.6);
  }
  const tags = row.getByTestId("prompt-tags");
  await expect(tags.getByText("support", { exact: true })).toBeInViewport({ ratio: 1 });
  const more = tags.getByTestId("more-tags");
  await expect(more).toBeInViewport({ ratio: 1 });
  await expect(more).toHaveAttribute("title", TAGS.join(", "));
  const shown = await tags.locator("[data-tag]").count();
  await expect(more).toContainText(`+${TAGS.length - shown} more`);
  // Compact in the table ("dev v2"), the full name on hover.
  await expect(row.getByTestId("env-badge-development")).toHaveText("dev v2");
  await expect(row.getByTestId("env-badge-development")).toHaveAttribute("title", "Development");
  await expect(row.getByRole("link", { name: NAME })).toHaveAttribute("title", NAME);
  await row.getByRole("link", { name: NAME }).hover();
  await editorFetched;
});
