"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";

export function NewPromptForm({ projectSlug, folder }: { projectSlug: string; folder?: string }) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tags = String(form.get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    setBusy(true);
    setFields({});
    setError(undefined);
    try {
      const prompt = await apiFetch<{ name: string }>(`/api/projects/${projectSlug}/prompts`, {
        body: { name: String(form.get("name") ?? "").trim(), type: form.get("type"), description: form.get("description"), tags },
      });
      router.push(`/p/${projectSlug}/prompts/${prompt.name}`);
    } catch (e) {
      const apiError = e as ApiError;
      setFields(Object.fromEntries(Object.entries(apiError.fields).map(([k, v]) => [k.split(".")[0]!, v])));
      if (!Object.keys(apiError.fields).length) setError(apiError.message);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-line bg-surface p-5" noValidate>
      <TextField label="Name" name="name" required autoFocus defaultValue={folder ? `${folder.replace(/\/$/, "")}/` : ""} placeholder="support/refund-reply" error={fields.name} hint="Lowercase letters, digits, - and _; / between folders." />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Type</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="type" value="CHAT" defaultChecked className="mt-1" />
          <span>
            Chat <span className="text-muted">— system, user and assistant messages, plus placeholders the app fills with a conversation.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="type" value="TEXT" className="mt-1" />
          <span>
            Text <span className="text-muted">— one template, for completion-style models or text your app embeds.</span>
          </span>
        </label>
        {fields.type ? <p className="text-xs text-danger">{fields.type}</p> : null}
        <p className="text-xs text-muted">The type cannot change after the first version.</p>
      </fieldset>
      <TextField label="Description" name="description" placeholder="What the app uses it for" error={fields.description} />
      <TextField label="Tags" name="tags" placeholder="support, refunds" error={fields.tags} hint="Comma-separated." />
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" busy={busy}>
        Create prompt
      </Button>
    </form>
  );
}
