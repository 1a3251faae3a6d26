"use client";

import { KeyRound, LogOut, Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

export function ProfileForms({
  name,
  emailNotifications,
  emailConfigured,
}: {
  name: string;
  emailNotifications: boolean;
  emailConfigured: boolean;
}) {
  const router = useRouter();
  const profile = useRequest();
  const password = useRequest();
  const email = useRequest();
  const sessions = useRequest();
  const [emailOn, setEmailOn] = useState(emailNotifications);
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);
  const nameForm = useFormChanges();
  const passwordForm = useFormChanges();

  async function onEmail(on: boolean) {
    setEmailOn(on);
    if (await email.run(() => apiFetch("/api/account", { method: "PATCH", body: { emailNotifications: on } })))
      toast.success(
        on ? "Notifications will also come by email." : "No more notification emails; your inbox still gets them.",
      );
    else setEmailOn(!on);
  }

  async function onProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (await profile.run(() => apiFetch("/api/account", { method: "PATCH", body: { name: form.get("name") } }))) {
      nameForm.markSaved();
      toast.success("Name saved.");
      router.refresh();
    }
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (
      await password.run(() =>
        apiFetch("/api/account/password", {
          body: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") },
        }),
      )
    ) {
      toast.success("Password changed. Your other sessions are signed out.");
      formElement.reset();
      passwordForm.markSaved();
    }
  }

  async function onSignOutEverywhere() {
    if (await sessions.run(() => apiFetch("/api/account/sign-out-everywhere", { body: {} }), { navigating: true }))
      // next-auth's client loads here rather than with the page.
      await (await import("next-auth/react")).signOut({ callbackUrl: "/login" });
  }

  return (
    <div className="space-y-6">
      <form
        {...nameForm.formProps}
        onSubmit={onProfile}
        className="space-y-4 rounded-lg border border-line bg-surface p-5"
        noValidate
      >
        <TextField label="Name" name="name" defaultValue={name} required error={profile.fields.name} />
        {profile.error ? <Alert>{profile.error}</Alert> : null}
        <Button type="submit" busy={profile.busy} icon={Save}>
          Save name
        </Button>
      </form>
      <section className="space-y-3 rounded-lg border border-line bg-surface p-5" aria-labelledby="email-heading">
        <h2 id="email-heading" className="text-base font-semibold">
          Notifications
        </h2>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={emailOn} disabled={email.busy} onChange={(e) => onEmail(e.target.checked)} />{" "}
          Also send my notifications by email
        </label>
        <p className="text-xs text-muted">
          {emailConfigured
            ? "Review requests, decisions, mentions, promotions and rollbacks always appear in your inbox."
            : "This Galley has no mail server configured (SMTP_URL), so notifications appear in your inbox only."}
        </p>
        {email.error ? <Alert>{email.error}</Alert> : null}
      </section>
      <form
        {...passwordForm.formProps}
        onSubmit={onPassword}
        className="space-y-4 rounded-lg border border-line bg-surface p-5"
        noValidate
      >
        <h2 className="text-base font-semibold">Change password</h2>
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={password.fields.currentPassword}
        />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={password.fields.newPassword}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, hard to guess: a few unrelated words work well.`}
        />
        {password.error ? <Alert>{password.error}</Alert> : null}
        <Button type="submit" busy={password.busy} icon={KeyRound}>
          Change password
        </Button>
      </form>
      <section className="space-y-3 rounded-lg border border-line bg-surface p-5" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-base font-semibold">
          Sessions
        </h2>
        <p className="text-xs text-muted">
          Signs you out on every device and browser, this one included: for a lost laptop or a shared computer. Changing
          your password also signs out everywhere else.
        </p>
        {sessions.error ? <Alert>{sessions.error}</Alert> : null}
        <Button
          type="button"
          variant="secondary"
          icon={LogOut}
          busy={sessions.busy}
          onClick={() => setConfirmingSignOut(true)}
        >
          Sign out everywhere
        </Button>
        <ConfirmDialog
          open={confirmingSignOut}
          onOpenChange={setConfirmingSignOut}
          title="Sign out everywhere?"
          description="Every device and browser signed in as you is signed out, this one included."
          confirmLabel="Sign out everywhere"
          icon={LogOut}
          busy={sessions.busy}
          error={sessions.error}
          onConfirm={onSignOutEverywhere}
        />
      </section>
    </div>
  );
}
