"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";

export function NewProjectForm() {
  const router = useRouter();
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setBusy(true);
    setFieldError(undefined);
    setError(undefined);
    try {
      const project = await apiFetch<{ slug: string }>("/api/projects", { body: { name } });
      toast.success(`Project ${name.trim()} created`);
      router.push(`/p/${project.slug}`);
      router.refresh();
    } catch (e) {
      const apiError = e as ApiError;
      setFieldError(apiError.fields.name);
      if (!apiError.fields.name) setError(apiError.message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-line bg-surface p-5" noValidate>
      <TextField
        label="Project name"
        name="name"
        placeholder="Customer support"
        required
        autoFocus
        error={fieldError}
      />
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" busy={busy}>
        Create project
      </Button>
    </form>
  );
}
