import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { enabledOAuthProviders } from "@/lib/auth/auth-options";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { publicOrigin } from "@/lib/http/public-origin";
import { hasAnyUser } from "@/lib/users/count-users";

export const metadata: Metadata = { title: "Sign in" };

const errors: Record<string, string> = {
  NoInvite: "That account has no invitation to this Galley. Ask an admin for an invite link.",
  OAuthSignin: "Could not start signing in with that provider. Try again.",
  OAuthCallback: "The sign-in provider answered with an error. Try again.",
  AccessDenied: "Sign-in was refused.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  if (!(await hasAnyUser())) redirect("/signup");
  if (await getCurrentUser()) redirect("/");
  const safeCallback = safeCallbackUrl({ callbackUrl, origin: publicOrigin(await headers()) });
  return (
    <LoginForm
      callbackUrl={safeCallback}
      providers={enabledOAuthProviders()}
      initialError={error ? (errors[error] ?? "Sign-in failed. Try again.") : undefined}
    />
  );
}
