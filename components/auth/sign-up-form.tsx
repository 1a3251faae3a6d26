"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";

type Props = { title: string; intro?: string; inviteToken?: string; email?: string };

export function SignUpForm(props: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: props.email ?? String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(props.inviteToken ? { inviteToken: props.inviteToken } : {}),
    };
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const result = await apiFetch<{ projectSlug: string | null }>("/api/signup", { body });
      const signedIn = await signIn("credentials", { email: body.email, password: body.password, redirect: false });
      if (!signedIn || signedIn.error)
        throw new ApiError(
          "Your account was created, but signing in failed. Sign in on the next page.",
          0,
          "signin",
          {},
        );
      // The first account lands on its new project's first-run checklist; someone invited, on its prompts.
      const project = result.projectSlug ? `/p/${result.projectSlug}` : null;
      router.replace(project ? (props.inviteToken ? `${project}/prompts` : project) : "/");
      router.refresh();
    } catch (e) {
      const apiError = e as ApiError;
      setFields(apiError.fields ?? {});
      setError(Object.keys(apiError.fields ?? {}).length ? undefined : apiError.message);
      setBusy(false);
    }
  }

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-base font-semibold">{props.title}</h1>
        {props.intro ? <p className="mt-1 text-muted">{props.intro}</p> : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField label="Name" name="name" autoComplete="name" required autoFocus error={fields.name} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={fields.email}
          {...(props.email ? { value: props.email, readOnly: true } : {})}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          error={fields.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, hard to guess: a few unrelated words work well.`}
        />
        <Button type="submit" busy={busy} className="w-full">
          {busy ? "Creating account…" : "Create account"}
        </Button>
      </form>
      <p className="text-center text-xs text-muted">
        Already have an account?{" "}
        <Link href="/login" className="text-accent hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
