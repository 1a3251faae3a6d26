import type { Locator, Page } from "@playwright/test";

import { baseURL, ownerState } from "../playwright.config";
import { expect, guard, PROJECT, test } from "./fixtures";

/** Clicks into a Monaco editor (inside `scope`) and moves to the end of its text. */
async function focusEditorEnd(page: Page, scope: Locator) {
  const lines = scope.getByTestId("template-editor").locator(".view-lines");
  await expect(lines).toBeVisible();
  await lines.click();
  await page.keyboard.press("ControlOrMeta+End");
}

const message = (page: Page, n: number) => page.getByRole("region", { name: `Message ${n}` });

async function workingCopy(page: Page, promptName: string) {
  const list = await (
    await page.request.get(`/api/projects/${PROJECT}/prompts?q=${encodeURIComponent(promptName)}`)
  ).json();
  const id = list.prompts.find((p: { name: string }) => p.name === promptName).id;
  return (await (await page.request.get(`/api/projects/${PROJECT}/prompts/${id}`)).json()) as {
    id: string;
    working: {
      content: { messages: Array<{ content?: string }>; modelConfig: { temperature?: number } };
    };
  };
}

test("write a chat prompt in Monaco, save two versions and compare them", async ({ page }) => {
  await page.goto(`/p/${PROJECT}/prompts`);
  await page.getByRole("link", { name: "New prompt" }).first().click();
  await page.getByLabel("Name").fill("support/refund-reply");
  await page.getByLabel("Description").fill("Answers refund requests");
  await page.getByRole("button", { name: "Create prompt" }).click();
  await expect(page.getByRole("heading", { name: "support/refund-reply" })).toBeVisible();
  await expect(page.getByText("Prompt support/refund-reply created")).toBeVisible();

  await focusEditorEnd(page, message(page, 1));
  await page.keyboard.type("You help {{customer}}");
  await focusEditorEnd(page, message(page, 2));
  await page.keyboard.type("Refund for {{cus");
  // The declared variable is offered as the author types, and Tab accepts it.
  await expect(page.locator(".monaco-editor .suggest-widget").getByText("customer")).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.type("}}");
  await expect(page.getByTestId("variable-customer")).toBeVisible();
  await expect(page.getByTestId("save-status")).toContainText("All changes saved");
  // "All changes saved" means the server has them: the working copy it serves holds them.
  const draft = await workingCopy(page, "support/refund-reply");
  expect(draft.working.content.messages.map((m) => m.content)).toEqual([
    "You help {{customer}}",
    "Refund for {{customer}}",
  ]);

  await page.keyboard.press("ControlOrMeta+s");
  await page.getByLabel("What changed?").fill("First version");
  await page.getByRole("button", { name: "Save version" }).last().click();
  await expect(page.getByText("Saved version 1.")).toBeVisible();

  await focusEditorEnd(page, message(page, 2));
  await page.keyboard.type(", please.");
  await page.getByLabel("Temperature", { exact: true }).fill("0.2");
  await expect(page.getByTestId("save-status")).toContainText("All changes saved");
  await page.keyboard.press("ControlOrMeta+s");
  await page.getByLabel("What changed?").fill("Politer, cooler");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved version 2.")).toBeVisible();

  await page.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(/view=compare&a=1&b=2/);
  await expect(page.getByTestId("config-changes")).toContainText("temperature default → 0.2");
  const diff = page.getByTestId("text-diff");
  await expect(diff.locator(".line-insert, .char-insert").first()).toBeVisible();
  await expect(diff).toContainText("please");

  await page.getByRole("link", { name: /History/ }).click();
  await expect(page.getByTestId("version-history")).toContainText("Politer, cooler");
  await expect(page.getByTestId("version-history")).toContainText("First version");

  // Any version opens read-only and can be restored into the working copy (after a confirmation:
  // it replaces the copy everyone edits).
  await page.getByRole("link", { name: "v1", exact: true }).click();
  await expect(page.getByText("Version 1: “First version”")).toBeVisible();
  await page.getByRole("button", { name: "Restore into working copy" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page).toHaveURL(/\/prompts\/support\/refund-reply$/);
  await expect(page.getByTestId("save-status")).toContainText("based on v2");
  await expect(page.getByLabel("Temperature", { exact: true })).toHaveValue("");
  await expect(message(page, 2).locator(".view-lines")).toHaveText("Refund for {{customer}}");
});

test("the save dialog is a labelled modal: focus stays inside, Escape and the overlay close it, focus comes back; the save is confirmed by a toast; both follow the dark theme", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/p/${PROJECT}/prompts/new`);
  await page.getByLabel("Name").fill("dialogs/save");
  await page.getByRole("radio", { name: /^Text/ }).check();
  await page.getByRole("button", { name: "Create prompt" }).click();
  await focusEditorEnd(page, page.locator("main"));
  await page.keyboard.type("Hello {{name}}");
  await expect(page.getByTestId("save-status")).toContainText("All changes saved");

  const open = page.getByRole("button", { name: /^Save version/ });
  const dialog = page.getByRole("dialog", { name: "Save version 1" });
  await open.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveCSS("background-color", "rgb(23, 23, 27)");
  await expect(dialog).toHaveAccessibleDescription(/keeps the shared working copy/);
  await expect(dialog.getByLabel("What changed?")).toBeFocused();
  // Tabbing past the last button comes round to the first field instead of leaving the dialog.
  for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("[role=dialog]")))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toHaveCount(0);

  await open.click();
  await dialog.getByLabel("What changed?").fill("v1");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: /^Notifications/ }).getByText("Saved version 1.")).toBeVisible();
  await expect(page.locator("[data-sonner-toaster]")).toHaveAttribute("data-sonner-theme", "dark");
  await expect(dialog).toHaveCount(0);
});

test("a reload once the status says all changes are saved finds the working copy intact", async ({ page }) => {
  await page.goto(`/p/${PROJECT}/prompts/new`);
  await page.getByLabel("Name").fill("drafts/reload-safe");
  await page.getByRole("radio", { name: /^Text/ }).check();
  await page.getByRole("button", { name: "Create prompt" }).click();
  await focusEditorEnd(page, page.locator("main"));
  await page.keyboard.type("Summarise {{document}} in three bullet points.");
  await expect(page.getByTestId("save-status")).toContainText("All changes saved");
  await page.reload();
  await expect(page.getByTestId("variable-document")).toBeVisible();
  await expect(page.getByTestId("template-editor").locator(".view-lines")).toContainText(
    "Summarise {{document}} in three bullet points.",
  );
});

test("a save based on an old version gets the conflict view, and nothing is overwritten", async ({
  page,
  browser,
  outsideRequests,
}) => {
  await page.goto(`/p/${PROJECT}/prompts/new`);
  await page.getByLabel("Name").fill("conflicts/greeting");
  await page.getByRole("radio", { name: /^Text/ }).check();
  await page.getByRole("button", { name: "Create prompt" }).click();
  await focusEditorEnd(page, page.locator("main"));
  await page.keyboard.type("Hello {{name}}");
  await page.keyboard.press("ControlOrMeta+s");
  await page.getByLabel("What changed?").fill("v1");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved version 1.")).toBeVisible();

  // A second person (same account, second browser) starts from v1 and saves v2 first.
  const other = await browser.newContext({ baseURL, storageState: ownerState });
  await guard(other, outsideRequests);
  const second = await other.newPage();
  await second.goto(`/p/${PROJECT}/prompts/conflicts/greeting`);

  await focusEditorEnd(page, page.locator("main"));
  await page.keyboard.type(", welcome back");

  const { id } = await workingCopy(page, "conflicts/greeting");
  const theirs = await second.request.post(`/api/projects/${PROJECT}/prompts/${id}/versions`, {
    data: {
      baseVersion: 1,
      message: "Their change",
      content: { template: "Hi {{name}}!", contract: { variables: [] }, modelConfig: {} },
    },
  });
  expect(theirs.status()).toBe(200);

  await page.keyboard.press("ControlOrMeta+s");
  await page.getByLabel("What changed?").fill("My change");
  await page.keyboard.press("Enter");
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toContainText("saved version 2 while you were editing");
  await expect(conflict.getByTestId("text-diff")).toContainText("Hi {{name}}!");
  await expect(page.getByTestId("template-editor").locator(".view-lines")).toContainText(
    "Hello {{name}}, welcome back",
  );

  await conflict.getByRole("button", { name: "Save mine as version 3" }).click();
  await page.getByLabel("What changed?").fill("My change, after reading theirs");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved version 3.")).toBeVisible();
  await other.close();
});

test("renaming keeps the history, old links redirect, and archiving hides the prompt", async ({ page }) => {
  await page.goto(`/p/${PROJECT}/prompts/new`);
  await page.getByLabel("Name").fill("drafts/to-move");
  await page.getByRole("radio", { name: /^Text/ }).check();
  await page.getByRole("button", { name: "Create prompt" }).click();
  await focusEditorEnd(page, page.locator("main"));
  await page.keyboard.type("Move me {{please}}");
  await page.keyboard.press("ControlOrMeta+s");
  await page.getByLabel("What changed?").fill("v1");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved version 1.")).toBeVisible();

  await page.getByRole("link", { name: "Details" }).click();
  await page.getByLabel("Name", { exact: true }).fill("final/moved");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/prompts\/final\/moved\?view=settings$/);
  await page.goto(`/p/${PROJECT}/prompts/drafts/to-move?view=history`);
  await expect(page).toHaveURL(/\/prompts\/final\/moved\?view=history$/);
  await expect(page.getByTestId("version-history")).toContainText("v1");

  await page.getByRole("link", { name: "Details" }).click();
  await page.getByRole("button", { name: "Archive prompt" }).click();
  await expect(page.getByText("Archived.", { exact: true })).toBeVisible();
  await page.goto(`/p/${PROJECT}/prompts?q=moved`);
  await expect(page.getByText("No prompts match.")).toBeVisible();
});

test("import lists every problem of a bad file, then imports a good one; export downloads every version", async ({
  page,
}) => {
  await page.goto(`/p/${PROJECT}/prompts`);
  const file = (content: string) => ({
    name: "prompts.galley.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(content),
  });
  await page.getByLabel("Import file").setInputFiles(
    file(`galley: 1
prompts:
  - name: imported/welcome
    type: text
    versions:
      - { number: 1, message: ok, template: "Hi {{#open}}" }
      - { number: 3, message: ok, template: "Hi" }
`),
  );
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("The file has 2 problem(s); nothing was imported.");
  await expect(problems).toContainText(
    "prompts.0.versions.0.template: Line 1, column 4: Section {{#open}} is never closed",
  );
  await expect(problems).toContainText(
    "prompts.0.versions.1.number: Versions must be numbered 1, 2, 3… in order; expected 2, found 3.",
  );

  await page
    .getByLabel("Import file")
    .setInputFiles(
      file(
        `galley: 1\nprompts:\n  - name: imported/welcome\n    type: text\n    versions:\n      - { number: 1, message: "From the old system", template: "Welcome, {{name}}!" }\n`,
      ),
    );
  await expect(page.getByText("Imported: 1 new, 0 updated, 0 unchanged.")).toBeVisible();
  await expect(page.getByTestId("prompt-table")).toContainText("imported/welcome");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export YAML" }).click();
  const saved = await (await download).path();
  const text = (await import("node:fs")).readFileSync(saved!, "utf8");
  expect(text).toContain("name: imported/welcome");
  expect(text).toContain("message: From the old system");
});
