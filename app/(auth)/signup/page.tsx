import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getEnv } from "@/lib/env";
import { hasAnyUser } from "@/lib/users/count-users";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/");
  const firstUser = !(await hasAnyUser());
  if (!firstUser && !getEnv().GALLEY_OPEN_SIGNUP) {
    return (
      <div className="space-y-3">
        <h1 className="text-base font-semibold">Sign-up is by invitation</h1>
        <p className="text-muted">
          Ask an admin of this Galley for an invite link; it creates your account and adds you to their project.
        </p>
        <p className="text-xs text-muted">
          Already have an account?{" "}
          <Link href="/login" className="text-accent hover:underline">
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <SignUpForm
      title={firstUser ? "Create the first account" : "Create your account"}
      intro={firstUser ? "You will be the admin of this Galley and the owner of its first project." : undefined}
    />
  );
}
