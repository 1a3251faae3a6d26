"use client";

import { Archive, ArchiveRestore, Save, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

type Props = {
  projectSlug: string;
  promptId: string;
  name: string;
  tags: string[];
  archived: boolean;
  canEdit: boolean;
  canDelete: boolean;
};

/**
 * Rename or move (history stays; old links redirect), tags, archive or restore. The description is
 * part of the shared working copy: it is edited in the editor and saved with a version.
 */
export function PromptSettingsForm(props: Props) {
  const router = useRouter();
  const { busy, error, fields, run } = useRequest();
  const { formProps, markSaved } = useFormChanges();
  const url = `/api/projects/${props.projectSlug}/prompts/${props.promptId}`;

  async function patch(body: Record<string, unknown>, message: string) {
    const updated = await run(() => apiFetch<{ name: string }>(url, { method: "PATCH", body }));
    if (!updated) return false;
    toast.success(message);
    if (updated.name !== props.name) router.replace(`/p/${props.projectSlug}/prompts/${updated.name}?view=settings`);
    router.refresh();
    return true;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tags = String(form.get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    void patch({ name: String(form.get("name") ?? "").trim(), tags }, "Saved.").then((saved) => saved && markSaved());
  }

  return (
    <div className="max-w-xl space-y-6">
      <form
        {...formProps}
        onSubmit={onSubmit}
        className="space-y-4 rounded-lg border border-line bg-surface p-5"
        noValidate
      >
        <TextField
          label="Name"
          name="name"
          defaultValue={props.name}
          disabled={!props.canEdit}
          error={fields.name}
          hint="Renaming or moving keeps every version; links to the old name lead here."
        />
        <TextField
          label="Tags"
          name="tags"
          defaultValue={props.tags.join(", ")}
          disabled={!props.canEdit}
          error={fields.tags ?? fields["tags.0"]}
          hint="Comma-separated."
        />
        {error ? <Alert>{error}</Alert> : null}
        {props.canEdit ? (
          <Button type="submit" busy={busy} icon={Save}>
            Save
          </Button>
        ) : null}
      </form>
      <section className="space-y-2 rounded-lg border border-line bg-surface p-5">
        <h2 className="font-semibold">Export</h2>
        <p className="text-muted">Every version of this prompt, as a file another Galley (or this one) can import.</p>
        <div className="flex gap-2">
          <a
            className="text-accent hover:underline"
            download
            href={`/api/projects/${props.projectSlug}/export?format=yaml&prompt=${encodeURIComponent(props.name)}`}
          >
            YAML
          </a>
          <a
            className="text-accent hover:underline"
            download
            href={`/api/projects/${props.projectSlug}/export?format=json&prompt=${encodeURIComponent(props.name)}`}
          >
            JSON
          </a>
        </div>
      </section>
      {props.canEdit ? (
        <section className="space-y-2 rounded-lg border border-line bg-surface p-5">
          <h2 className="font-semibold">{props.archived ? "Restore" : "Archive"}</h2>
          <p className="text-muted">
            {props.archived
              ? "This prompt is archived: hidden from the list and read-only. Restoring makes it editable again."
              : "Archiving hides the prompt from the list and makes it read-only. Its versions stay, and you can restore it."}
          </p>
          <Button
            variant={props.archived ? "secondary" : "danger"}
            icon={props.archived ? ArchiveRestore : Archive}
            busy={busy}
            onClick={() => patch({ archived: !props.archived }, props.archived ? "Restored." : "Archived.")}
          >
            {props.archived ? "Restore prompt" : "Archive prompt"}
          </Button>
        </section>
      ) : null}
      {props.canDelete ? <DeletePrompt {...props} /> : null}
    </div>
  );
}

function DeletePrompt({ projectSlug, promptId, name }: Props) {
  const router = useRouter();
  const [confirm, setConfirm] = useState("");
  const { busy, error, run } = useRequest();
  async function remove() {
    if (
      !(await run(
        () =>
          apiFetch(`/api/projects/${projectSlug}/prompts/${promptId}`, {
            method: "DELETE",
            body: { confirmName: confirm },
          }),
        { navigating: true },
      ))
    )
      return;
    router.replace(`/p/${projectSlug}/prompts`);
    router.refresh();
  }
  return (
    <section className="space-y-3 rounded-lg border border-danger/40 bg-surface p-5">
      <h2 className="font-semibold text-danger">Delete</h2>
      <p className="text-muted">
        Deletes the prompt with every version and draft. The audit log keeps a record. This cannot be undone; archiving
        can.
      </p>
      <label className="block space-y-1">
        <span className="text-sm">
          Type <code className="rounded bg-subtle px-1">{name}</code> to confirm
        </span>
        <input
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          aria-label="Confirm prompt name"
          className="w-full rounded-md border border-line bg-surface px-3 py-1.5 font-mono"
        />
      </label>
      {error ? <Alert>{error}</Alert> : null}
      <Button variant="danger" icon={Trash2} busy={busy} disabled={confirm !== name} onClick={remove}>
        Delete prompt
      </Button>
    </section>
  );
}
