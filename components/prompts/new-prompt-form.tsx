"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

export function NewPromptForm({ projectSlug, folder }: { projectSlug: string; folder?: string }) {
  const router = useRouter();
  const { busy, error, fields: apiFields, run } = useRequest();
  // "tags.0" and the like are shown beside the field they belong to.
  const fields = Object.fromEntries(Object.entries(apiFields).map(([k, v]) => [k.split(".")[0]!, v]));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tags = String(form.get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    const prompt = await run(
      () =>
        apiFetch<{ name: string }>(`/api/projects/${projectSlug}/prompts`, {
          body: {
            name: String(form.get("name") ?? "").trim(),
            type: form.get("type"),
            description: form.get("description"),
            tags,
          },
        }),
      { navigating: true },
    );
    if (!prompt) return;
    toast.success(`Prompt ${prompt.name} created`);
    router.push(`/p/${projectSlug}/prompts/${prompt.name}`);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-line bg-surface p-5" noValidate>
      <TextField
        label="Name"
        name="name"
        required
        autoFocus
        defaultValue={folder ? `${folder.replace(/\/$/, "")}/` : ""}
        placeholder="support/refund-reply"
        error={fields.name}
        hint="Lowercase letters, digits, - and _; / between folders."
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Type</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="type" value="CHAT" defaultChecked className="mt-1" />
          <span>
            Chat{" "}
            <span className="text-muted">
              — system, user and assistant messages, plus placeholders the app fills with a conversation.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="type" value="TEXT" className="mt-1" />
          <span>
            Text{" "}
            <span className="text-muted">— one template, for completion-style models or text your app embeds.</span>
          </span>
        </label>
        {fields.type ? <p className="text-xs text-danger">{fields.type}</p> : null}
        <p className="text-xs text-muted">The type cannot change after the first version.</p>
      </fieldset>
      <TextField
        label="Description"
        name="description"
        placeholder="What the app uses it for"
        error={fields.description}
      />
      <TextField label="Tags" name="tags" placeholder="support, refunds" error={fields.tags} hint="Comma-separated." />
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" busy={busy}>
        Create prompt
      </Button>
    </form>
  );
}
