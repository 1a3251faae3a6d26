"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

export function ProfileForms({ name }: { name: string }) {
  const router = useRouter();
  const profile = useRequest();
  const password = useRequest();
  const [done, setDone] = useState<{ profile?: string; password?: string }>({});

  async function onProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone({});
    if (await profile.run(() => apiFetch("/api/account", { method: "PATCH", body: { name: form.get("name") } }))) {
      setDone({ profile: "Name saved." });
      router.refresh();
    }
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone({});
    if (await password.run(() => apiFetch("/api/account/password", { body: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") } }))) {
      setDone({ password: "Password changed." });
      formElement.reset();
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onProfile} className="space-y-4 rounded-lg border border-line bg-surface p-5" noValidate>
        <TextField label="Name" name="name" defaultValue={name} required error={profile.fields.name} />
        {profile.error ? <Alert>{profile.error}</Alert> : null}
        {done.profile ? <Alert tone="success">{done.profile}</Alert> : null}
        <Button type="submit" busy={profile.busy}>Save name</Button>
      </form>
      <form onSubmit={onPassword} className="space-y-4 rounded-lg border border-line bg-surface p-5" noValidate>
        <h2 className="text-base font-semibold">Change password</h2>
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={password.fields.currentPassword} />
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={password.fields.newPassword}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        />
        {password.error ? <Alert>{password.error}</Alert> : null}
        {done.password ? <Alert tone="success">{done.password}</Alert> : null}
        <Button type="submit" busy={password.busy}>Change password</Button>
      </form>
    </div>
  );
}
