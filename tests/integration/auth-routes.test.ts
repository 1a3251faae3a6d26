// Sign-in, sessions and sign-up through the real route handlers and next-auth, as a browser meets them.
import { beforeAll, describe, expect, it } from "vitest";

import { ACCOUNT_ADDRESS_LIMIT } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/get-client-address";

import { makeUser, unique } from "./helpers";
import { callRoute, signInAs } from "./route-client";

const nextauth = "api/auth/[...nextauth]/route.ts";
const passwordOf = (user: { id: string }) => `pw-${user.id}-correct-horse-battery`; // what signInAs sets
const setCookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);
/** The Cookie header after a response's Set-Cookie lines replaced cookies of the same name. */
function applyCookies(jar: string, res: Response): string {
  const cookies = new Map(jar.split("; ").map((c) => [c.slice(0, c.indexOf("=")), c] as const));
  for (const c of setCookies(res)) cookies.set(c.slice(0, c.indexOf("=")), c);
  return [...cookies.values()].join("; ");
}
const profile = (cookie: string) =>
  callRoute("api/account/route.ts", { method: "PATCH", cookie, body: { emailNotifications: true } });

async function credentialsSignIn(opts: { email: string; password: string; address: string; callbackUrl?: string }) {
  const csrf = await callRoute(nextauth, { method: "GET", params: { nextauth: ["csrf"] } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await callRoute(nextauth, {
    method: "POST",
    params: { nextauth: ["callback", "credentials"] },
    cookie: setCookies(csrf).join("; "),
    headers: { [CLIENT_ADDRESS_HEADER]: opts.address },
    form: { csrfToken, email: opts.email, password: opts.password, json: "true", callbackUrl: opts.callbackUrl ?? "/" },
  });
  const { url } = (await res.json()) as { url: string };
  return {
    url: new URL(url),
    error: new URL(url).searchParams.get("error"),
    signedIn: setCookies(res).some((c) => /session-token=/.test(c)),
  };
}

describe("auth through the route handlers", () => {
  beforeAll(async () => {
    await applyMigrations();
    await makeUser(); // not the first account: sign-up is by invitation
  });

  it("checks at most five parallel guesses through next-auth, and the person still signs in from elsewhere", async () => {
    const user = await makeUser();
    await signInAs(user);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        credentialsSignIn({ email: user.email, password: `guess ${i}`, address: "198.51.100.20" }),
      ),
    );
    expect(burst.filter((r) => r.error === "Wrong email or password.")).toHaveLength(ACCOUNT_ADDRESS_LIMIT);
    expect(
      burst.filter((r) => /^Too many sign-in attempts\. Try again in \d+ minutes?\.$/.test(r.error ?? "")),
    ).toHaveLength(12 - ACCOUNT_ADDRESS_LIMIT);
    expect(
      await credentialsSignIn({ email: user.email, password: passwordOf(user), address: "198.51.100.21" }),
    ).toMatchObject({ signedIn: true, error: null });
  });

  it("sends a signed-in person back only to our own origin", async () => {
    const user = await makeUser();
    await signInAs(user);
    for (const callbackUrl of ["/\\evil.example/x", "/\t/evil.example", "//evil.example/x", "https://evil.example/x"]) {
      const { url, signedIn } = await credentialsSignIn({
        email: user.email,
        password: passwordOf(user),
        address: "198.51.100.30",
        callbackUrl,
      });
      expect(signedIn).toBe(true);
      expect(url.pathname, callbackUrl).toBe("/");
      expect(new URL(url.href.slice(url.origin.length), url.origin).origin).toBe(url.origin);
    }
    const { url } = await credentialsSignIn({
      email: user.email,
      password: passwordOf(user),
      address: "198.51.100.30",
      callbackUrl: "/p/acme/prompts?tab=1",
    });
    expect(`${url.pathname}${url.search}`).toBe("/p/acme/prompts?tab=1");
  });

  it("revokes other sessions on a password change, keeps the one that changed it, and signs out everywhere", async () => {
    const user = await makeUser();
    const laptop = await signInAs(user);
    const phone = await signInAs(user);
    expect((await profile(laptop)).status).toBe(200);

    const changed = await callRoute("api/account/password/route.ts", {
      method: "POST",
      cookie: laptop,
      body: { currentPassword: passwordOf(user), newPassword: "a brand new long password" },
    });
    expect(changed.status).toBe(200);
    const laptopNow = applyCookies(laptop, changed);
    expect((await profile(phone)).status).toBe(401);
    expect((await profile(laptop)).status).toBe(401);
    expect((await profile(laptopNow)).status).toBe(200);

    const out = await callRoute("api/account/sign-out-everywhere/route.ts", { method: "POST", cookie: laptopNow });
    expect(out.status).toBe(200);
    expect((await profile(laptopNow)).status).toBe(401);
    expect(
      await db.auditEntry.count({
        where: { actorId: user.id, action: { in: ["user.password-change", "user.sign-out-everywhere"] } },
      }),
    ).toBe(2);
  });

  it("says why a new password is refused", async () => {
    const user = await makeUser();
    const cookie = await signInAs(user);
    const res = await callRoute("api/account/password/route.ts", {
      method: "POST",
      cookie,
      body: { currentPassword: passwordOf(user), newPassword: "password1234" },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: {
        details: { issues: [{ path: "newPassword", message: expect.stringMatching(/commonly used password/) }] },
      },
    });
  });

  it("answers a closed sign-up the same for a known and an unknown email", async () => {
    const known = await makeUser();
    const answer = async (email: string) => {
      const res = await callRoute("api/signup/route.ts", {
        method: "POST",
        body: { name: "Someone", email, password: "correct horse battery staple" },
      });
      const body = (await res.json()) as { error: { code: string; message: string } };
      return { status: res.status, code: body.error.code, message: body.error.message };
    };
    const forKnown = await answer(known.email);
    expect(forKnown).toMatchObject({ status: 403, code: "forbidden" });
    expect(await answer(`${unique("nobody")}@example.test`)).toEqual(forKnown);
  });
});
