// What the browser benches share: Debian's Chromium launched as the e2e tests launch it, and
// waiting for a freshly started server to answer.
import { chromium } from "@playwright/test";

import { chromiumLaunchOptions } from "../playwright.config";

export function launchChromium() {
  return chromium.launch(chromiumLaunchOptions);
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
