import "server-only";

import type { IncomingMessage } from "node:http";
import { decode } from "next-auth/jwt";

import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isAllowedOrigin } from "@/lib/http/is-allowed-origin";
import { normalizeForwardedHeaders } from "@/lib/http/normalize-forwarded-headers";

/** Who opened a live-editing socket, as the connection's first context. */
export type UpgradeUser = { userId: string; name: string; sessionVersion: number };

export type UpgradeVerdict = { ok: true; user: UpgradeUser } | { ok: false; refusal: "signed_out" | "bad_origin" };

// next-auth's cookie names ("__Secure-" over https); a long value is split into .0, .1 … chunks.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const MAX_COOKIE_HEADER = 16_384;

function sessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader || cookieHeader.length > MAX_COOKIE_HEADER) return null;
  const cookies = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return null;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

/**
 * Checks a WebSocket upgrade before anything is accepted: the Origin must be this Galley's (a page
 * elsewhere cannot ride the visitor's cookie), and the session cookie must be a live session, with
 * the same checks pages make (signature and expiry, the user still exists, its session version
 * still current, so "sign out everywhere" and password changes count).
 */
export async function authenticateUpgrade(req: IncomingMessage): Promise<UpgradeVerdict> {
  normalizeForwardedHeaders({
    headers: req.headers,
    socketAddress: req.socket.remoteAddress,
    trustedHops: getEnv().GALLEY_TRUST_PROXY,
  });
  const origin = req.headers.origin;
  if (!origin || !isAllowedOrigin({ origin, headers: toHeaders(req) })) return { ok: false, refusal: "bad_origin" };
  const signedOut = { ok: false, refusal: "signed_out" } as const;
  const token = sessionToken(req.headers.cookie);
  if (!token) return signedOut;
  const session = await decode({ token, secret: getAuthSecret().secret }).catch(() => null);
  if (!session?.sub) return signedOut;
  const user = await db.user.findUnique({
    where: { id: session.sub },
    select: { id: true, name: true, sessionVersion: true },
  });
  const tokenVersion = typeof session.sv === "number" ? session.sv : 0;
  if (!user || user.sessionVersion !== tokenVersion) return signedOut;
  return { ok: true, user: { userId: user.id, name: user.name, sessionVersion: tokenVersion } };
}
