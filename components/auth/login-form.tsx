"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export function LoginForm(props: {
  callbackUrl: string;
  providers: Array<{ id: string; name: string }>;
  initialError?: string;
  email?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(props.initialError);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    if (!result || result.error) {
      setBusy(false);
      setError(!result || result.error === "CredentialsSignin" ? "Wrong email or password." : result.error!);
      return;
    }
    // Checked again here: the prop is a URL from the address bar, and this is where we follow it.
    router.replace(safeCallbackUrl({ callbackUrl: props.callbackUrl, origin: window.location.origin }));
    router.refresh();
  }

  return (
    <div className="space-y-5">
      <h1 className="text-base font-semibold">Sign in</h1>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          defaultValue={props.email}
        />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
        <Button type="submit" busy={busy} className="w-full">
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {props.providers.length ? (
        <div className="space-y-2 border-t border-line pt-4">
          {props.providers.map((p) => (
            <Button
              key={p.id}
              variant="secondary"
              className="w-full"
              onClick={() => signIn(p.id, { callbackUrl: props.callbackUrl })}
            >
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-center text-xs text-muted">
        New here?{" "}
        <Link href="/signup" className="text-accent hover:underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
