import crypto from "node:crypto";

import { expect, openPalette, pressShortcut, PROJECT, test } from "./fixtures";

// One page through the studio's navigation: the shortcut list, `/`, the Cmd/Ctrl+K palette (a
// prompt by part of its name, a page, an action), the breadcrumbs, the sidebar on Inbox and the
// phone menu. Seeded over HTTP; Chromium on Linux is not a Mac, so the palette key is Control+K.
test("shortcuts, the command palette, breadcrumbs and the sidebar take you where you ask", async ({ page }) => {
  const suffix = crypto.randomBytes(3).toString("hex");
  const name = `nav-${suffix}/billing/late-fee-notice`;
  const created = await page.request.post(`/api/projects/${PROJECT}/prompts`, { data: { name, type: "TEXT" } });
  expect(created.status()).toBe(200);
  const { id } = (await created.json()) as { id: string };
  for (const [i, template] of ["Your fee is due.", "Your fee is due soon."].entries()) {
    const saved = await page.request.post(`/api/projects/${PROJECT}/prompts/${id}/versions`, {
      data: {
        baseVersion: i,
        message: `v${i + 1}`,
        content: { template, contract: { variables: [] }, modelConfig: {} },
      },
    });
    expect(saved.status()).toBe(200);
  }
  const deployed = await page.request.post(`/api/projects/${PROJECT}/prompts/${id}/deployments`, {
    data: { environment: "development", version: 1 },
  });
  expect(deployed.status()).toBe(200);

  await page.goto(`/p/${PROJECT}/prompts`);
  const search = page.getByLabel("Search prompts");
  await expect(search).toBeVisible();

  // `?` lists the shortcuts, written for this keyboard.
  const shortcuts = page.getByTestId("shortcuts-dialog");
  await pressShortcut(page, "?", shortcuts, shortcuts.getByRole("heading", { name: "Keyboard shortcuts" }));
  await expect(shortcuts.getByText("Ctrl+K", { exact: true })).toBeVisible();
  await expect(shortcuts.getByText("Ctrl+Enter", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();

  // `/` focuses the list's search; typed into a field, `?` is only a character.
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type("?");
  await expect(search).toHaveValue("?");
  await expect(shortcuts).toBeHidden();
  await search.fill("");

  // Cmd/Ctrl+K works from inside a field; Escape gives focus back to it.
  const palette = await openPalette(page);
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await expect(search).toBeFocused();

  // Nothing matches: the palette says so.
  await openPalette(page);
  await page.keyboard.type("zz-no-such-thing-qq");
  await expect(palette.getByText("No prompt, page or action matches")).toBeVisible();

  // Part of a prompt's name, then Enter, opens it.
  await palette.getByRole("combobox").fill(`${suffix}/billing/late`);
  await expect(palette.getByRole("option", { name: name })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/p/${PROJECT}/prompts/nav-${suffix}/billing/late-fee-notice$`));
  await expect(page.getByRole("heading", { name })).toBeVisible();

  // An action: the theme, from the palette.
  await openPalette(page);
  await page.keyboard.type("dark theme");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await openPalette(page);
  await page.keyboard.type("light theme");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

  // A command the prompt page registers while it is open: its tabs.
  await openPalette(page);
  await page.keyboard.type("history");
  await expect(palette.getByRole("group", { name: "This prompt" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?view=history$/);

  // Breadcrumbs: project / Prompts / folders / prompt / tab, each a link; a folder opens the list there.
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link")).toHaveText(
    ["Default project", "Prompts", `nav-${suffix}`, "billing", "late-fee-notice", "History"].map(
      (t) => new RegExp(`^${t}$`, "i"),
    ),
  );
  // While the next page is on its way, a skeleton stands in for the old one (the request is held
  // until the skeleton has been seen, so the check does not depend on timing).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const isPageData = (url: URL) => url.searchParams.has("_rsc");
  await page.route(isPageData, async (route) => {
    await held;
    // Same-origin page data: continue it here (the page may have dropped a held prefetch meanwhile).
    await route.continue().catch(() => undefined);
  });
  await crumbs.getByRole("link", { name: "billing" }).click();
  await expect(page.getByTestId("page-skeleton")).toBeVisible();
  release();
  await page.unroute(isPageData);
  await expect(page).toHaveURL(new RegExp(`/prompts\\?folder=nav-${suffix}%2Fbilling$`));
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByTestId("page-skeleton")).toBeHidden();

  // A page by name: settings tabs are in the palette.
  await openPalette(page);
  await page.keyboard.type("settings members");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/p/${PROJECT}/settings/members$`));
  await expect(crumbs.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");

  // A deploy's toast can undo it.
  await page.goto(`/p/${PROJECT}/prompts/${name}?view=version&v=2`);
  await page.getByTestId("deploy-control").getByLabel("Environment").selectOption("development");
  await page.getByRole("button", { name: "Deploy v2" }).click();
  const toast = page.getByRole("listitem").filter({ hasText: "Development now runs version 2." });
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Development runs version 1 again.")).toBeVisible();
  await expect(page.getByTestId("runs-in-development")).toHaveText("Development: v1");

  // Inbox keeps the links of the project last visited (not simply the first one), and the palette
  // switches projects.
  const other = await page.request.post("/api/projects", { data: { name: `Nav ${suffix}` } });
  expect(other.status()).toBe(200);
  const { slug } = (await other.json()) as { slug: string };
  await page.reload();
  await openPalette(page);
  await page.keyboard.type(`switch nav ${suffix}`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/prompts$`));
  await page.goto("/inbox");
  const sidebar = page.getByRole("navigation", { name: "Studio" });
  await expect(sidebar.getByRole("link", { name: "Prompts" })).toHaveAttribute("href", `/p/${slug}/prompts`);
  // With no project open, the palette searches the user's projects and names each hit's project.
  await openPalette(page);
  await page.keyboard.type(`${suffix}/billing`);
  await expect(palette.getByRole("option", { name })).toContainText("Default project");
  await page.keyboard.press("Escape");

  // On a phone the menu opens the sidebar and a link in it closes the menu again.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Menu" }).click();
  await sidebar.getByRole("link", { name: "Reviews" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/reviews$`));
  await expect(sidebar).toBeHidden();
  // The top bar (breadcrumbs, search, inbox, account) fits the phone's width.
  const header = page.locator("header").first();
  expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
});
