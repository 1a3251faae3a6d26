// npm run docs:screenshot – regenerates docs/screenshot.png from a running Galley with demo data
// (npm run db:seed, then npm start). GALLEY_URL defaults to http://localhost:3000.
import { chromium } from "@playwright/test";

const base = process.env.GALLEY_URL ?? "http://localhost:3000";

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1360, height: 820 },
    colorScheme: (process.env.THEME as "dark" | "light") ?? "light",
  });
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill("olivia@demo.galley.test");
  await page.getByLabel("Password").fill("galley-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/p\//);
  await page.goto(`${base}/p/acme-support/prompts/support/refund-reply`);
  await page.getByTestId("template-editor").first().locator(".view-lines").waitFor();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: process.env.OUT ?? "docs/screenshot.png" });
  await browser.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
