"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";

type State = { busy: boolean; fields: Record<string, string>; error?: string; done?: string };
const idle: State = { busy: false, fields: {} };

/** Runs a request for a form and keeps its busy / field-error / success state. */
function useSubmit() {
  const [state, setState] = useState<State>(idle);
  const submit = async (request: () => Promise<unknown>, done: string) => {
    setState({ busy: true, fields: {} });
    try {
      await request();
      setState({ ...idle, done });
      return true;
    } catch (e) {
      const apiError = e as ApiError;
      setState({ busy: false, fields: apiError.fields, error: Object.keys(apiError.fields).length ? undefined : apiError.message });
      return false;
    }
  };
  return [state, submit] as const;
}

export function ProfileForms({ name }: { name: string }) {
  const router = useRouter();
  const [profile, submitProfile] = useSubmit();
  const [password, submitPassword] = useSubmit();

  async function onProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (await submitProfile(() => apiFetch("/api/account", { method: "PATCH", body: { name: form.get("name") } }), "Name saved.")) router.refresh();
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const ok = await submitPassword(
      () => apiFetch("/api/account/password", { body: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") } }),
      "Password changed.",
    );
    if (ok) formElement.reset();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onProfile} className="space-y-4 rounded-lg border border-line bg-surface p-5" noValidate>
        <TextField label="Name" name="name" defaultValue={name} required error={profile.fields.name} />
        {profile.error ? <Alert>{profile.error}</Alert> : null}
        {profile.done ? <Alert tone="success">{profile.done}</Alert> : null}
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
        {password.done ? <Alert tone="success">{password.done}</Alert> : null}
        <Button type="submit" busy={password.busy}>Change password</Button>
      </form>
    </div>
  );
}
