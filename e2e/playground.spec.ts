import type { APIRequestContext } from "@playwright/test";

import { FAKE_OPENAI_PORT } from "../playwright.config";
import { addFakeProvider, expect, PROJECT, test } from "./fixtures";

/** Creates a chat prompt over the studio's API with `messages` as its version 1. */
async function seedChatPrompt(request: APIRequestContext, name: string, messages: unknown[]) {
  const api = `/api/projects/${PROJECT}/prompts`;
  const prompt = await (await request.post(api, { data: { name, type: "CHAT" } })).json();
  const saved = await request.post(`${api}/${prompt.id}/versions`, {
    data: { baseVersion: 0, message: "v1", content: { messages, contract: { variables: [] }, modelConfig: {} } },
  });
  expect(saved.status()).toBe(200);
}

test("connect a provider once, then run a prompt and watch the answer stream in; failures are explained; Stop stops", async ({
  page,
}) => {
  await page.goto(`/p/${PROJECT}/settings/providers`);
  await page.getByLabel("Kind").selectOption("OPENAI_COMPATIBLE");
  await page.getByLabel("Name").fill("Fake");
  await page.getByLabel("Base URL").fill(`http://127.0.0.1:${FAKE_OPENAI_PORT}/v1`);
  await page.getByLabel("API key").fill("test-key");
  await page.getByLabel("Default model").fill("fake-echo");
  await page.getByRole("button", { name: "Add provider" }).click();
  const row = page.getByTestId("provider-Fake");
  await expect(row).toContainText("key …-key");
  await row.getByRole("button", { name: "Test connection" }).click();
  await expect(row).toContainText("Connected. 5 models");

  // A prompt with a variable, created over the studio's API.
  await seedChatPrompt(page.request, "playground/greeter", [
    { role: "system", content: "Greet warmly." },
    { role: "placeholder", name: "history" },
    { role: "user", content: "Say hello to {{name}}" },
  ]);

  await page.goto(`/p/${PROJECT}/prompts/playground/greeter`);
  const panel = page.getByTestId("run-panel");
  await panel.getByLabel("Value of name").fill("Ana");
  await panel.getByLabel("Model").fill("fake-chunks-20");
  await page.keyboard.press("ControlOrMeta+Enter");
  const output = page.getByTestId("run-output");
  await expect(output).toHaveText("Echo: Say hello to Ana");
  expect(Number(await output.getAttribute("data-chunks"))).toBe(20);
  await expect(page.getByTestId("run-metrics")).toContainText("finish stop");
  await expect(page.getByTestId("run-metrics")).toContainText("cost unknown");

  await panel.getByLabel("Model").fill("fake-429");
  await panel.getByRole("button", { name: "Re-run" }).click();
  await expect(page.getByTestId("run-failure")).toContainText("Rate limit reached for requests.");
  await expect(page.getByTestId("run-failure")).toContainText("Rate limited: try again in 7 s.");
  await expect(panel.getByLabel("Value of name")).toHaveValue("Ana");

  await panel.getByLabel("Model").fill("fake-slow");
  await panel.getByRole("button", { name: "Re-run" }).click();
  await panel.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("run-failure")).toContainText("Stopped.");

  // Compare: the editor's text next to version 1, run together, each streaming on its own.
  await page.getByTestId("template-editor").nth(1).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(", please");
  await panel.getByLabel("Model").fill("fake-chunks-5");
  await panel.getByRole("button", { name: "Add column" }).click();
  const second = panel.getByRole("region", { name: "Column 2" });
  await expect(second.getByLabel("Source")).toHaveValue("1");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(panel.getByRole("region", { name: "Column 1" }).getByTestId("run-output")).toHaveText(
    "Echo: Say hello to Ana, please",
  );
  await expect(page.getByTestId("template-editor").nth(1).locator(".view-lines")).toHaveText(
    "Say hello to {{name}}, please",
  );
  await expect(second.getByTestId("run-output")).toHaveText("Echo: Say hello to Ana");

  // A placeholder gets a conversation, typed as a list of messages.
  await panel.getByRole("region", { name: "Column 2" }).getByRole("button", { name: "Remove Column 2" }).click();
  await panel.getByRole("button", { name: "+ Add message" }).click();
  await panel.getByLabel("history message 1", { exact: true }).fill("Earlier question");
  await panel.getByRole("button", { name: "Re-run" }).click();
  await expect(panel.getByTestId("run-output")).toHaveText("Echo: Say hello to Ana, please");

  // Every run is kept, failed ones too, and any can be reopened into the playground.
  await page.getByRole("link", { name: "Runs" }).click();
  const history = page.getByTestId("run-history");
  // One run each for chunks-20, the 429 and the stopped slow run, two for the compare, one with history.
  await expect(history.locator("li")).toHaveCount(6);
  await history.locator("li").first().locator("summary").click();
  await expect(history.locator("li").first()).toContainText("[user] Earlier question");
  await expect(history).toContainText("Rate limit reached for requests.");
  await expect(history).toContainText("Stopped.");
  await history
    .locator("li")
    .filter({ hasText: "fake-chunks-20" })
    .getByRole("link", { name: "Reopen in playground" })
    .click();
  await expect(page.getByTestId("run-panel").getByLabel("Model")).toHaveValue("fake-chunks-20");
  await expect(page.getByTestId("run-panel").getByLabel("Value of name")).toHaveValue("Ana");

  // Values are remembered for the prompt, and can be saved as a named test case.
  await page.reload();
  const again = page.getByTestId("run-panel");
  await expect(again.getByLabel("Value of name")).toHaveValue("Ana");
  await again.getByRole("button", { name: "Save values as test case…" }).click();
  await again.getByLabel("Test case name").fill("Friendly Ana");
  await again.getByRole("button", { name: "Save", exact: true }).click();
  // Saved: the name field closes and the case is selected (on a loaded machine this takes a moment).
  await expect(again.getByLabel("Test case name")).toHaveCount(0);
  await again.getByLabel("Value of name").fill("Someone else");
  await again.getByLabel("Test case", { exact: true }).selectOption({ label: "Friendly Ana" });
  await expect(again.getByLabel("Value of name")).toHaveValue("Ana");

  // With a price set for the model, the cost is shown instead of "unknown".
  await page.goto(`/p/${PROJECT}/settings/providers`);
  const prices = page.getByRole("form", { name: "Set a model price" });
  await prices.getByLabel("Model").fill("fake-chunks-20");
  await prices.getByLabel("Input $/M").fill("1000");
  await prices.getByLabel("Output $/M").fill("2000");
  await prices.getByRole("button", { name: "Set price" }).click();
  await expect(page.getByTestId("price-table")).toContainText("fake-chunks-20 (this project)");
  await page.goto(`/p/${PROJECT}/prompts/playground/greeter`);
  await page.getByTestId("run-panel").getByLabel("Model").fill("fake-chunks-20");
  await page.getByTestId("run-panel").getByRole("button", { name: "Run this" }).click();
  await expect(page.getByTestId("run-metrics")).toContainText(/cost \$0\.\d{6}/);
});

test("the editor: run output beside the prompt without scrolling, panes and folds remembered, focus mode, no sideways scroll on a phone", async ({
  page,
}) => {
  await addFakeProvider(page.request, "Layout fake");
  await seedChatPrompt(page.request, "layout/reply", [
    { role: "system", content: "You answer customers of an online shop.\nBe brief.\nBe kind." },
    { role: "user", content: "Reply to {{customer}} about order {{order}}." },
  ]);

  // 1440×900: Run, and the answer is on screen where the run panel is, nothing scrolled.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/p/${PROJECT}/prompts/layout/reply`);
  const panel = page.getByTestId("run-panel");
  await panel.getByLabel("Provider").selectOption({ label: "Layout fake" });
  await panel.getByLabel("Value of customer").fill("Ana");
  await panel.getByLabel("Value of order").fill("42");
  await page.keyboard.press("ControlOrMeta+Enter");
  const output = panel.getByTestId("run-output");
  await expect(output).toHaveText("Echo: Reply to Ana about order 42.");
  const box = (await output.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  expect(box.x + box.width).toBeLessThanOrEqual(1440);
  const scrolled = await page.evaluate(() => [
    window.scrollY,
    ...Array.from(document.querySelectorAll("[data-panel] > div"), (pane) => pane.scrollTop),
  ]);
  expect(
    scrolled.every((y) => y === 0),
    `scroll offsets ${scrolled.join(", ")}`,
  ).toBe(true);
  // Beside the messages, not under them.
  const messages = (await page.getByTestId("message-0").boundingBox())!;
  expect(box.x).toBeGreaterThan(messages.x + messages.width);

  // The panes resize with the keyboard, and this browser keeps the sizes (and folded sections).
  const separator = page.getByRole("separator", { name: "Resize the prompt and run panes" });
  const before = Number(await separator.getAttribute("aria-valuenow"));
  const runWidth = (await panel.boundingBox())!.width;
  await separator.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => Number(await separator.getAttribute("aria-valuenow"))).toBeLessThan(before - 5);
  const after = Number(await separator.getAttribute("aria-valuenow"));
  expect((await panel.boundingBox())!.width).toBeGreaterThan(runWidth + 40);
  const model = page.getByRole("button", { name: "Model settings" });
  await model.click();
  await expect(model).toHaveAttribute("aria-expanded", "false");
  await page.reload();
  await expect(page.getByRole("button", { name: "Model settings" })).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: "Variables" })).toHaveAttribute("aria-expanded", "true");
  expect(Math.abs(Number(await separator.getAttribute("aria-valuenow")) - after)).toBeLessThan(1);

  // Focus mode: the editor covers the studio's chrome; Esc brings it back.
  const editor = page.getByTestId("prompt-editor");
  await page.keyboard.press("ControlOrMeta+Shift+F");
  await expect(editor).toHaveAttribute("data-focus-mode", "true");
  expect((await editor.boundingBox())!.x).toBe(0);
  await page.keyboard.press("Escape");
  await expect(editor).not.toHaveAttribute("data-focus-mode");

  // A phone: the panes stack and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect(page.getByTestId("run-panel")).toBeVisible();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], `scrollWidth ${widths[0]} > innerWidth ${widths[1]}`).toBeLessThanOrEqual(widths[1]!);
  expect((await page.getByTestId("run-panel").boundingBox())!.y).toBeGreaterThan(
    (await page.getByTestId("message-1").boundingBox())!.y,
  );
});
