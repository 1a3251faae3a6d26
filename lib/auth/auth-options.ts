import "server-only";

import crypto from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";

import { authorizeWithPassword } from "@/lib/auth/authorize-with-password";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { linkOAuthUser } from "@/lib/auth/link-oauth-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getSessionVersion, isSessionCurrent } from "@/lib/auth/session-version-cache";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { getClientAddress } from "@/lib/net/get-client-address";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The SSO providers switched on by environment variables, for the sign-in page. */
export function enabledOAuthProviders(): Array<{ id: string; name: string }> {
  const env = getEnv();
  return [
    ...(env.GITHUB_ID ? [{ id: "github", name: "GitHub" }] : []),
    ...(env.GOOGLE_CLIENT_ID ? [{ id: "google", name: "Google" }] : []),
    ...(env.OIDC_CLIENT_ID ? [{ id: "oidc", name: env.OIDC_NAME ?? "Single sign-on" }] : []),
  ];
}

/** Thrown from the jwt callback for a session issued before its user's current session version. */
class SessionRevokedError extends Error {
  constructor() {
    super("session revoked");
    this.name = "SessionRevokedError";
  }
}

let cached: NextAuthOptions | undefined;

/** Built on first use rather than at import: it reads configuration and the generated secret. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error("Enter your email address and password.");
        return authorizeWithPassword({ ...parsed.data, address: getClientAddress(req.headers ?? {}) });
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: env.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? null,
      }),
    });
  }

  cached = {
    secret: getAuthSecret().secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers,
    logger: {
      // A revoked session is the system working, not an error; next-auth clears its cookie.
      error: (code, metadata) =>
        metadata instanceof SessionRevokedError ||
        (metadata as { name?: string } | undefined)?.name === "SessionRevokedError"
          ? log.debug("auth: session revoked")
          : log.error(`auth: ${code}`, { metadata }),
      warn: (code) => log.warn(`auth: ${code}`),
      debug: () => undefined,
    },
    callbacks: {
      async signIn({ account, profile, user }) {
        if (!account || account.type !== "oauth") return true;
        const p = (profile ?? {}) as { email?: string; email_verified?: boolean; name?: string };
        // GitHub only returns a primary, verified email; Google and OIDC say so explicitly.
        const emailVerified = account.provider === "github" ? Boolean(user.email) : p.email_verified === true;
        const linked = await linkOAuthUser({
          identity: {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: p.email ?? user.email ?? null,
            emailVerified,
            name: p.name ?? user.name ?? null,
          },
          requestId: crypto.randomUUID(),
        });
        return linked ? true : "/login?error=NoInvite";
      },
      // Open redirects: only our own origin, however the URL is spelled (see safeCallbackUrl).
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackUrl({ callbackUrl: url, origin: baseUrl })}`;
      },
      // Sessions carry the user's session version from sign-in; raising it (password change,
      // sign out everywhere) revokes them. Tokens from before versions existed count as version 0.
      async jwt({ token, account, user }) {
        if (account?.type === "oauth") {
          const linked = await db.account.findUnique({
            where: {
              provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId },
            },
          });
          if (linked) token.sub = linked.userId;
        }
        if (!token.sub) return token;
        if (user) {
          token.sv = (await getSessionVersion({ userId: token.sub, fresh: true })) ?? 0;
          return token;
        }
        if (!(await isSessionCurrent({ userId: token.sub, tokenVersion: typeof token.sv === "number" ? token.sv : 0 })))
          throw new SessionRevokedError();
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, sessionVersion: typeof token.sv === "number" ? token.sv : 0 };
      },
    },
  };
  return cached;
}
