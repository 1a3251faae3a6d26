import "server-only";

import { decode, encode } from "next-auth/jwt";

import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-options";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";

// next-auth's names: "__Secure-" when the site is served over https.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export type SessionCookie = {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
};

/**
 * The request's own session cookie, re-issued under a new session version, so the browser that
 * changed the password stays signed in while every other session is revoked. Null when the request
 * has no session cookie we can read; that browser then simply signs in again.
 */
export async function reissueSessionCookie(opts: {
  cookies: Array<{ name: string; value: string }>;
  sessionVersion: number;
}): Promise<SessionCookie | null> {
  const cookie = opts.cookies.find((c) => SESSION_COOKIES.includes(c.name));
  if (!cookie) return null;
  const { secret } = getAuthSecret();
  const token = await decode({ token: cookie.value, secret }).catch(() => null);
  if (!token?.sub) return null;
  const value = await encode({ token: { ...token, sv: opts.sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  return {
    name: cookie.name,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookie.name.startsWith("__Secure-"),
      expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  };
}
