import type { Metadata } from "next";
import Link from "next/link";

import { AcceptInvite } from "@/components/auth/accept-invite";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { buttonClass } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { roleLabels, type ProjectRole } from "@/lib/auth/permissions";
import { getInvitePreview } from "@/lib/invites/get-invite-preview";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await getInvitePreview({ token });
  if (!preview.ok) {
    return (
      <div className="space-y-3">
        <h1 className="text-base font-semibold">This invite cannot be used</h1>
        <p className="text-muted">{preview.message}</p>
        <Link href="/login" className={buttonClass("secondary")}>
          Go to sign in
        </Link>
      </div>
    );
  }
  const role = roleLabels[preview.role as ProjectRole]?.label ?? preview.role;
  const user = await getCurrentUser();
  if (user) {
    return (
      <AcceptInvite
        token={token}
        projectName={preview.projectName}
        role={role}
        invitedEmail={preview.email}
        signedInEmail={user.email}
      />
    );
  }
  if (preview.accountExists) {
    return (
      <div className="space-y-3">
        <h1 className="text-base font-semibold">Join {preview.projectName}</h1>
        <p className="text-muted">
          You are invited as {role}. {preview.email} already has an account: sign in to accept.
        </p>
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
          className={buttonClass("primary", "w-full")}
        >
          Sign in to accept
        </Link>
      </div>
    );
  }
  return (
    <SignUpForm
      title={`Join ${preview.projectName}`}
      intro={`You are invited as ${role}. Create your account to join.`}
      inviteToken={token}
      email={preview.email}
    />
  );
}
