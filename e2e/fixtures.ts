import crypto from "node:crypto";
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";

import { baseURL } from "../playwright.config";

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
export const OWNER = { name: "Olivia Owner", email: "owner@example.test", password: "owner-password-1" };
export const uniqueEmail = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex")}@example.test`;

/** Signs in through next-auth's credentials endpoint over HTTP (no UI) in a request context. */
export async function signInOverHttp(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: baseURL },
  });
  expect(response.ok(), `sign-in as ${email} failed`).toBe(true);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}

/**
 * Factory: invites a new member with `role` (as the owner, over HTTP), accepts by signing up over
 * HTTP, and returns a browser context signed in as them.
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
  await signInOverHttp(context.request, email, password);
  return { context, email, password };
}
