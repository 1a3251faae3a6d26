import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";

import { baseURL } from "../playwright.config";
import { expect, guard, memberContext, PROJECT, test } from "./fixtures";

const content = (template: string) => ({
  template,
  contract: { variables: [{ name: "customer", type: "string", required: true }] },
  modelConfig: {},
});

const colourRules = ["color-contrast", "link-in-text-block"];

/**
 * Runs axe-core on the page as it is, in the light theme and then the dark one (the class the
 * theme script sets, and the media query for components that follow it), and records every
 * critical or serious violation with its rule, element, page and axe's reason.
 */
async function audit(page: Page, label: string, findings: string[]) {
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    // Colours ease between themes (Tailwind's `transition`): measure once they have arrived.
    await page.evaluate(async (dark) => {
      document.documentElement.classList.toggle("dark", dark);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await Promise.all(
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .map((a) => a.finished.catch(() => undefined)),
      );
    }, theme === "dark");
    // Every rule in the light theme; in the dark one only those about colour, the rest would repeat.
    // Legacy mode runs axe in the page itself: the default opens a blank page per run to merge
    // results from cross-origin frames, which the studio has none of (3–4× slower here).
    const axe = new AxeBuilder({ page }).setLegacyMode();
    const { violations } = await (theme === "dark" ? axe.withRules(colourRules) : axe).analyze();
    for (const v of violations) {
      if (v.impact !== "critical" && v.impact !== "serious") continue;
      for (const node of v.nodes) {
        const why = [...node.any, ...node.all, ...node.none].map((check) => check.message).join(" ");
        findings.push(`${label} [${theme}] ${v.id} (${v.impact}) at ${node.target.join(" ")}: ${v.help}. ${why}`);
      }
    }
  }
}

test("axe-core finds no critical or serious violation on the main pages, light and dark", async ({
  page,
  browser,
  outsideRequests,
}) => {
  test.slow();
  const api = `/api/projects/${PROJECT}`;
  const name = `a11y/welcome-${Date.now().toString(36)}`;
  const prompt = await (await page.request.post(`${api}/prompts`, { data: { name, type: "TEXT" } })).json();
  for (const [n, text] of [
    [1, "Hello {{customer}}.\nThanks for writing in."],
    [2, "Hello {{customer}}!\nThanks for writing to us."],
  ] as const) {
    const saved = await page.request.post(`${api}/prompts/${prompt.id}/versions`, {
      data: { baseVersion: n - 1, message: `v${n}`, content: content(text) },
    });
    expect(saved.status()).toBe(200);
  }
  const reviewer = await memberContext({
    browser,
    ownerRequest: page.request,
    role: "REVIEWER",
    outside: outsideRequests,
  });
  const reviewerId = reviewer.userId;
  const review = await page.request.post(`${api}/reviews`, {
    data: { promptId: prompt.id, version: 2, environment: "production", reviewerIds: [reviewerId] },
  });
  expect(review.status()).toBe(200);
  const { number } = (await review.json()) as { number: number };
  // Status badges (Approved) and environment badges are where contrast slips.
  const approved = await reviewer.context.request.post(`${api}/reviews/${number}/decisions`, {
    data: { decision: "approve" },
  });
  expect(approved.status()).toBe(200);
  await reviewer.context.close();
  const deployed = await page.request.post(`${api}/prompts/${prompt.id}/deployments`, {
    data: { environment: "development", version: 1 },
  });
  expect(deployed.status()).toBe(200);
  const dataset = await page.request.post(`${api}/datasets`, { data: { name: `a11y-${Date.now().toString(36)}` } });
  expect(dataset.status()).toBe(200);
  const { id: datasetId } = (await dataset.json()) as { id: string };
  const fresh = await page.request.post("/api/projects", { data: { name: `A11y ${Date.now().toString(36)}` } });
  expect(fresh.status()).toBe(200);
  const { slug: freshSlug } = (await fresh.json()) as { slug: string };

  const p = `/p/${PROJECT}`;
  const promptUrl = `${p}/prompts/${name}`;
  const heading = (pg: Page) => pg.getByRole("heading", { level: 1 }).first();
  const pages: Array<[label: string, url: string, ready: (pg: Page) => Locator]> = [
    ["first-run checklist", `/p/${freshSlug}`, (pg) => pg.getByTestId("first-run")],
    ["prompts list", `${p}/prompts`, (pg) => pg.getByRole("link", { name }).first()],
    ["prompt editor", promptUrl, (pg) => pg.locator(".monaco-editor").first()],
    ["history", `${promptUrl}?view=history`, heading],
    ["compare", `${promptUrl}?view=compare&a=1&b=2`, (pg) => pg.locator(".monaco-diff-editor").first()],
    ["review", `${p}/reviews/${number}`, (pg) => pg.locator(".monaco-diff-editor").first()],
    ["reviews list", `${p}/reviews`, heading],
    ["datasets", `${p}/datasets`, heading],
    ["dataset", `${p}/datasets/${datasetId}`, heading],
    ["evaluations", `${p}/evals`, heading],
    ["environments", `${p}/environments`, heading],
    ["settings", `${p}/settings`, (pg) => pg.getByText("Your role here:")],
    ["settings: members", `${p}/settings/members`, (pg) => pg.getByRole("heading", { name: /Members/ })],
    ["settings: providers", `${p}/settings/providers`, (pg) => pg.getByRole("heading", { name: "Add a provider" })],
    ["settings: API keys", `${p}/settings/api-keys`, (pg) => pg.getByRole("heading", { name: "Keys" })],
    ["settings: webhooks", `${p}/settings/webhooks`, (pg) => pg.getByRole("heading", { name: "Webhooks" })],
    ["settings: environments", `${p}/settings/environments`, (pg) => pg.getByTestId("environment-production")],
    ["inbox", "/inbox", heading],
    ["profile", "/account", heading],
  ];

  const findings: string[] = [];
  for (const [label, url, ready] of pages) {
    await page.goto(url);
    await expect(ready(page), `${label} (${url}) did not show`).toBeVisible();
    await audit(page, `${label} ${url}`, findings);
  }

  const signedOut = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await guard(signedOut, outsideRequests);
  const login = await signedOut.newPage();
  await login.goto("/login");
  await expect(login.getByRole("button", { name: "Sign in" })).toBeVisible();
  await audit(login, "login /login", findings);
  await signedOut.close();

  expect(findings, `axe-core violations:\n${findings.join("\n")}`).toEqual([]);
});
