import crypto from "node:crypto";
import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";

import { baseURL, FAKE_OPENAI_PORT } from "../playwright.config";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Every page is watched: a request to anything but loopback is aborted and fails the test, so
 * nothing in the studio can depend on the internet (CDNs, fonts, telemetry).
 */
export const test = base.extend<{ outsideRequests: string[] }>({
  outsideRequests: async ({}, provide) => provide([]),
  context: async ({ context, outsideRequests }, provide) => {
    await guard(context, outsideRequests);
    await provide(context);
    expect(outsideRequests, "the page requested non-loopback URLs").toEqual([]);
  },
});
export { expect };

export async function guard(context: BrowserContext, outside: string[]) {
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === "http:" || url.protocol === "https:") && !LOOPBACK.has(url.hostname)) {
      outside.push(url.href);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
}

export const PROJECT = "default-project";

/** Adds a provider on the fake OpenAI-compatible server (tests/fake-openai) to the project, over HTTP. */
export async function addFakeProvider(request: APIRequestContext, name: string) {
  const response = await request.post(`/api/projects/${PROJECT}/providers`, {
    data: {
      name,
      kind: "OPENAI_COMPATIBLE",
      baseUrl: `http://127.0.0.1:${FAKE_OPENAI_PORT}/v1`,
      apiKey: "test-key",
      defaultModel: "fake-echo",
    },
  });
  expect(response.status(), `adding provider ${name}: ${await response.text()}`).toBe(200);
}
export const OWNER = { name: "Olivia Owner", email: "owner@example.test", password: "owner-password-1" };
export const uniqueEmail = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex")}@example.test`;

/**
 * Signs in through next-auth's credentials endpoint over HTTP (no UI) in a request context and
 * returns the signed-in user's id.
 */
export async function signInOverHttp(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: baseURL },
  });
  expect(response.ok(), `sign-in as ${email} failed`).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as {
    user?: { email?: string };
    userId?: string;
  };
  expect(session?.user?.email).toBe(email);
  expect(session.userId, `no user id in the session of ${email}`).toEqual(expect.any(String));
  return session.userId!;
}

/**
 * Factory: invites a new member with `role` (as the owner, over HTTP), accepts by signing up over
 * HTTP, and returns a browser context signed in as them, with their user id.
 */
export async function memberContext(opts: {
  browser: Browser;
  ownerRequest: APIRequestContext;
  role: string;
  outside: string[];
}) {
  const email = uniqueEmail(opts.role.toLowerCase());
  const password = "member-password-1";
  const invite = await opts.ownerRequest.post(`/api/projects/${PROJECT}/invites`, { data: { email, role: opts.role } });
  expect(invite.status()).toBe(200);
  const { token } = (await invite.json()) as { token: string };
  const context = await opts.browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  await guard(context, opts.outside);
  const signup = await context.request.post("/api/signup", {
    data: { name: `${opts.role} member`, email, password, inviteToken: token },
  });
  expect(signup.status()).toBe(200);
  const userId = await signInOverHttp(context.request, email, password);
  return { context, email, password, userId };
}

/** An editor and a reviewer of the project, each signed in with a page open: the two sides of a review. */
export async function editorAndReviewer(opts: {
  browser: Browser;
  ownerRequest: APIRequestContext;
  outside: string[];
}) {
  const editor = await memberContext({ ...opts, role: "EDITOR" });
  const reviewer = await memberContext({ ...opts, role: "REVIEWER" });
  return { editor, reviewer, asEditor: await editor.context.newPage(), asReviewer: await reviewer.context.newPage() };
}

/**
 * Presses a page-wide shortcut until what it opens is there. Right after a load, a key pressed
 * before the page has hydrated is lost, as in any React app: press again, as a person would.
 */
export async function pressShortcut(page: Page, key: string, opened: Locator, ready = opened) {
  await expect(async () => {
    if (!(await opened.isVisible())) await page.keyboard.press(key);
    await expect(ready).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Opens the command palette with Control+K (Chromium on Linux is not a Mac) and waits until its
 * input has focus, so typing goes there and not to the page. Returns the palette.
 */
export async function openPalette(page: Page) {
  const palette = page.getByTestId("command-palette");
  await pressShortcut(page, "Control+k", palette);
  await expect(palette.getByRole("combobox")).toBeFocused();
  return palette;
}
