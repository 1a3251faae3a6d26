"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

export function AcceptInvite(props: {
  token: string;
  projectName: string;
  role: string;
  invitedEmail: string;
  signedInEmail: string;
}) {
  const router = useRouter();
  const { busy, error, run } = useRequest();
  const mismatch = props.invitedEmail !== props.signedInEmail;

  async function accept() {
    const joined = await run(
      () =>
        apiFetch<{ projectSlug: string }>(`/api/invites/${encodeURIComponent(props.token)}/accept`, {
          method: "POST",
          body: {},
        }),
      { navigating: true },
    );
    if (!joined) return;
    router.replace(`/p/${joined.projectSlug}/prompts`);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <h1 className="text-base font-semibold">Join {props.projectName}</h1>
      {mismatch ? (
        <>
          <p className="text-muted">
            This invite is for {props.invitedEmail}, but you are signed in as {props.signedInEmail}.
          </p>
          <Button
            variant="secondary"
            className="w-full"
            onClick={() => signOut({ callbackUrl: `/invite/${props.token}` })}
          >
            Sign out and continue
          </Button>
        </>
      ) : (
        <>
          <p className="text-muted">You are invited as {props.role}.</p>
          {error ? <Alert>{error}</Alert> : null}
          <Button className="w-full" busy={busy} onClick={accept}>
            Join project
          </Button>
        </>
      )}
    </div>
  );
}
