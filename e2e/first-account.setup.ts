import { ownerState } from "../playwright.config";
import { expect, OWNER, PROJECT, test } from "./fixtures";

test("the first account to sign up becomes owner of the default project", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByRole("heading", { name: "Create the first account" })).toBeVisible();

  // The form names the field that is wrong.
  await page.getByLabel("Name").fill(OWNER.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Create account" }).click();

  // A new project opens on its first-run checklist, nothing ticked yet.
  await expect(page).toHaveURL(new RegExp(`/p/${PROJECT}$`));
  await expect(page.getByTestId("first-run-count")).toContainText("0 of 4 done");
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Prompts" }).click();
  await expect(page.getByRole("heading", { name: "No prompts yet" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(OWNER.name);

  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText("Your role here:")).toContainText("Owner");

  // Nobody else can sign up uninvited now.
  await page.context().clearCookies();
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Sign-up is by invitation" })).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${PROJECT}$`));
  await page.context().storageState({ path: ownerState });
});
