import crypto from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { clearSignInFailures, getSignInLock, recordSignInFailure } from "@/lib/auth/sign-in-throttle";
import { linkOAuthUser } from "@/lib/auth/link-oauth-user";
import { signInSchema } from "@/lib/validations/auth";

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

async function authorizeWithPassword(credentials: Record<string, string> | undefined) {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error("Enter your email address and password.");
  const { email, password } = parsed.data;
  const wait = await getSignInLock(email);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    throw new Error(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user || !ok) {
    await recordSignInFailure(email);
    log.info("sign-in failed", { email });
    throw new Error("Wrong email or password.");
  }
  await clearSignInFailures(email);
  return { id: user.id, email: user.email, name: user.name };
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
      authorize: authorizeWithPassword,
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
      profile: (profile: { sub: string; email?: string; name?: string }) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
    });
  }

  cached = {
    secret: getAuthSecret().secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers,
    logger: {
      error: (code, metadata) => log.error(`auth: ${code}`, { metadata }),
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
      async jwt({ token, account }) {
        if (account?.type === "oauth") {
          const linked = await db.account.findUnique({
            where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
          });
          if (linked) token.sub = linked.userId;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
  return cached;
}
