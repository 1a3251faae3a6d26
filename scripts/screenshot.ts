// npm run docs:screenshot – regenerates the README's screenshots in docs/ from a running Galley with
// demo data (npm run db:seed, then npm start), each in the light and the dark theme:
//   docs/screenshot-editor-<theme>.png   the prompt editor beside the playground
//   docs/screenshot-prompts-<theme>.png  the prompt list
//   docs/screenshot-palette-<theme>.png  the command palette over the prompt list
// GALLEY_URL defaults to http://localhost:3000.
import type { Page } from "@playwright/test";

import { launchChromium } from "../bench/browser";

const base = process.env.GALLEY_URL ?? "http://localhost:3000";
const project = "acme-support";

async function shoot(page: Page, name: string, theme: string) {
  // Fonts, icons and Monaco's first paint settle; nothing here is timed.
  await page.waitForTimeout(800);
  await page.screenshot({ path: `docs/screenshot-${name}-${theme}.png` });
}

async function main() {
  const browser = await launchChromium();
  for (const theme of ["light", "dark"] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill("olivia@demo.galley.test");
    await page.getByLabel("Password").fill("galley-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/p\//);

    await page.goto(`${base}/p/${project}/prompts/support/refund-reply`);
    await page.getByTestId("template-editor").first().locator(".view-lines").waitFor();
    await shoot(page, "editor", theme);

    await page.goto(`${base}/p/${project}/prompts`);
    await page.getByRole("link", { name: "support/refund-reply" }).first().waitFor();
    await shoot(page, "prompts", theme);

    await page.keyboard.press("Control+k");
    await page.getByTestId("command-palette").getByRole("combobox").waitFor();
    await page.keyboard.type("refund");
    await shoot(page, "palette", theme);
    await context.close();
  }
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
