"use client";

import { Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";

export function ProjectForm(props: { slug: string; name: string; canRename: boolean }) {
  const router = useRouter();
  const [name, setName] = useState(props.name);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(props.canRename && name.trim() !== props.name);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiFetch(`/api/projects/${props.slug}`, { method: "PATCH", body: { name } });
      toast.success("Project renamed.");
      router.refresh();
    } catch (e) {
      setError((e as ApiError).fields?.name ?? (e as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-line bg-surface p-5" noValidate>
      <TextField
        label="Project name"
        name="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        disabled={!props.canRename}
        error={error}
        hint={`URL and API path: /p/${props.slug} (renaming keeps it).`}
      />
      {props.canRename ? (
        <Button type="submit" busy={busy} disabled={name.trim() === props.name} icon={Save}>
          Save
        </Button>
      ) : (
        <p className="text-xs text-muted">Only admins and owners can rename the project.</p>
      )}
    </form>
  );
}
