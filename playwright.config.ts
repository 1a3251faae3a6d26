import { defineConfig } from "@playwright/test";

// End-to-end tests against a production build served by our own server on an embedded database
// in .e2e/ (wiped at each run). The browser is Debian's Chromium: Playwright never downloads one.
export const PORT = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${PORT}`;
export const ownerState = ".e2e/owner.json";
/** The fake OpenAI-compatible server (tests/fake-openai) that playground tests talk to. */
export const FAKE_OPENAI_PORT = Number(process.env.E2E_FAKE_OPENAI_PORT ?? 3219);
/** Debian's Chromium, quiet on a closed network; the benches and screenshots launch it so too (bench/browser.ts). */
export const chromiumLaunchOptions = {
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
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Sized for a 2-core machine beside another CPU-heavy job, where specs run 2–3× slower than on
  // a quiet one (first sign-up 10 s → 31 s; the playground spec 34–45 s, over the old 30 s): twice
  // the slowest loaded spec. A spec that needs longer says test.slow() (3×), not a number of its own.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: "first-account", testMatch: /first-account\.setup\.ts/ },
    { name: "studio", testMatch: /.*\.spec\.ts/, dependencies: ["first-account"], use: { storageState: ownerState } },
  ],
  webServer: [
    {
      command: `node_modules/.bin/tsx tests/fake-openai/server.ts ${FAKE_OPENAI_PORT}`,
      port: FAKE_OPENAI_PORT,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "rm -rf .e2e && mkdir -p .e2e && npm run serve",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      // A fresh data dir: initdb and every migration before the first answer (20+ s under load).
      timeout: 180_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        HOST: "127.0.0.1",
        GALLEY_DATA_DIR: ".e2e/data",
        DATABASE_URL: "",
        NEXTAUTH_URL: baseURL,
        GALLEY_OPEN_SIGNUP: "false",
        LOG_LEVEL: "warn",
        // Usage counts and feedback reach the database (and the Releases page) within half a second.
        GALLEY_USAGE_FLUSH_MS: "500",
        // releases.spec plays an app with 1,000 users reading through one key (2,000 requests in a few seconds).
        GALLEY_API_RATE_LIMIT: "2000",
      },
    },
  ],
});
