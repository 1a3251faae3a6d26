import { baseURL } from "../playwright.config";
import { expect, guard, memberContext, OWNER, PROJECT, test, uniqueEmail } from "./fixtures";

test("sign out, a wrong password is explained, and signing in again works", async ({ browser, outsideRequests }) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await guard(context, outsideRequests);
  const page = await context.newPage();
  await page.goto(`/p/${PROJECT}/prompts`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);

  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Wrong email or password.");

  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Back to the project's home: its first-run checklist while a step is open, else the prompts.
  await expect(page).toHaveURL(new RegExp(`/p/${PROJECT}(/prompts)?$`));

  await page.getByRole("group").filter({ hasText: OWNER.name }).locator("summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`/p/${PROJECT}/settings`);
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test("an invited editor joins through the link", async ({ page, browser, outsideRequests }) => {
  const email = uniqueEmail("editor");
  await page.goto(`/p/${PROJECT}/settings/members`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("EDITOR");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{20,}$`));
  await expect(page.getByText(`${email} as Editor`)).toBeVisible();

  const invitee = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await guard(invitee, outsideRequests);
  const invited = await invitee.newPage();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { name: "Join Default project" })).toBeVisible();
  await expect(invited.getByLabel("Email")).toHaveValue(email);
  await invited.getByLabel("Name").fill("Eddie Editor");
  await invited.getByLabel("Password").fill("editor-password-1");
  await invited.getByRole("button", { name: "Create account" }).click();
  await expect(invited).toHaveURL(new RegExp(`/p/${PROJECT}/prompts$`));
  await invited.goto(`/p/${PROJECT}/settings`);
  await expect(invited.getByText("Your role here:")).toContainText("Editor");

  // The link worked once.
  const again = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await guard(again, outsideRequests);
  const reused = await again.newPage();
  await reused.goto(link);
  await expect(reused.getByText("This invite link has already been used.")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toContainText("Eddie Editor");
  await invitee.close();
  await again.close();
});

test("a viewer cannot open member settings, and the API refuses with 403", async ({
  page,
  browser,
  outsideRequests,
}) => {
  const viewer = await memberContext({ browser, ownerRequest: page.request, role: "VIEWER", outside: outsideRequests });
  const viewerPage = await viewer.context.newPage();
  await viewerPage.goto(`/p/${PROJECT}/settings`);
  await expect(viewerPage.getByText("Your role here:")).toContainText("Viewer");
  await expect(
    viewerPage.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }),
  ).toHaveCount(0);

  const response = await viewerPage.goto(`/p/${PROJECT}/settings/members`);
  expect(response?.status()).toBe(403);
  await expect(viewerPage.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();

  const api = await viewer.context.request.get(`/api/projects/${PROJECT}/members`);
  expect(api.status()).toBe(403);
  expect((await api.json()).error).toMatchObject({ code: "forbidden" });
  const invite = await viewer.context.request.post(`/api/projects/${PROJECT}/invites`, {
    data: { email: uniqueEmail("x"), role: "ADMIN" },
  });
  expect(invite.status()).toBe(403);
  await viewer.context.close();
});

test("the audit log shows sign-ups, invites, joins and role changes, and filters them", async ({
  page,
  browser,
  outsideRequests,
}) => {
  const member = await memberContext({ browser, ownerRequest: page.request, role: "EDITOR", outside: outsideRequests });
  await member.context.close();
  await page.goto(`/p/${PROJECT}/settings/members`);
  await page.getByLabel(`Role of ${member.email}`).selectOption("REVIEWER");
  await expect(page.getByLabel(`Role of ${member.email}`)).toHaveValue("REVIEWER");

  await page.goto(`/p/${PROJECT}/settings/audit`);
  const table = page.getByTestId("audit-table");
  // Actions by their catalogue labels (lib/audit/audit-actions.ts), not their stored names.
  for (const label of [
    "Project created",
    "Invite created",
    "Account signed up",
    "Invite accepted",
    "Member's role changed",
  ]) {
    await expect(table.getByRole("cell", { name: label, exact: true }).first()).toBeVisible();
  }
  const change = table.getByRole("row").filter({ hasText: "Member's role changed" }).first();
  await expect(change).toContainText(OWNER.email);
  await expect(change).toContainText("role: EDITOR");
  await expect(change).toContainText("role: REVIEWER");

  await page.getByLabel("Action", { exact: true }).selectOption("members");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=members/);
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("members");
  // Retrying assertions: the URL changes before the filtered table has replaced the old one.
  const actions = table.locator("tbody tr td:nth-child(3)");
  await expect(actions.first()).toHaveText(/^(Invite|Member)/);
  await expect(actions.filter({ hasNotText: /^(Invite|Member)/ })).toHaveCount(0);
});

test("the last owner cannot be demoted, and the page says why", async ({ page }) => {
  await page.goto(`/p/${PROJECT}/settings/members`);
  await page.getByLabel(`Role of ${OWNER.email}`).selectOption("ADMIN");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "This is the project's last owner. Make someone else an owner first.",
  );
  await page.reload();
  await expect(page.getByLabel(`Role of ${OWNER.email}`)).toHaveValue("OWNER");
});

test("a member changes their name and password; a wrong current password is named", async ({
  page,
  browser,
  outsideRequests,
}) => {
  const member = await memberContext({ browser, ownerRequest: page.request, role: "EDITOR", outside: outsideRequests });
  const own = await member.context.newPage();
  await own.goto("/account");
  await own.getByLabel("Name").fill("Renamed Person");
  await own.getByRole("button", { name: "Save name" }).click();
  await expect(own.getByText("Name saved.")).toBeVisible();
  await expect(own.getByTestId("current-user")).toHaveText("Renamed Person");

  await own.getByLabel("Current password").fill("not-my-password");
  await own.getByLabel("New password").fill("a-brand-new-password");
  await own.getByRole("button", { name: "Change password" }).click();
  await expect(own.getByText("The current password is wrong.")).toBeVisible();
  await own.getByLabel("Current password").fill(member.password);
  await own.getByRole("button", { name: "Change password" }).click();
  await expect(own.getByText("Password changed.")).toBeVisible();
  await member.context.close();
});
