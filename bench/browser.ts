// What the browser benches share: Debian's Chromium with the flags that keep it quiet on a closed
// network (as playwright.config.ts), and waiting for a freshly started server to answer.
import { chromium } from "@playwright/test";

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** Polls /api/health every 500 ms until it answers, for at most `attempts` tries. */
export async function waitForHealth(base: string, attempts = 240) {
  for (let i = 0; i < attempts; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}
