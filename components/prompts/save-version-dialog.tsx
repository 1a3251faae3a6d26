"use client";

import { Save } from "lucide-react";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";

/**
 * Asks for the commit message of the next version. `onSave` answers the problem to show, or null
 * when it is done (saved, or handed over to the conflict panel).
 */
export function SaveVersionDialog({
  open,
  nextNumber,
  syncing,
  onCancel,
  onSave,
}: {
  open: boolean;
  nextNumber: number;
  /** The last edits are still on their way to the server; the save waits for them. */
  syncing: boolean;
  onCancel: () => void;
  onSave: (message: string) => Promise<string | null>;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(undefined);
    onCancel();
  };
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get("message") ?? "").trim();
    if (!message) {
      setError("Describe the change in a few words.");
      return;
    }
    setBusy(true);
    const problem = await onSave(message);
    setBusy(false);
    setError(problem ?? undefined);
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && close()}
      title={`Save version ${nextNumber}`}
      description="The version keeps the shared working copy (text, variables, model settings) with your message. You are its author; everyone else who edited the working copy since the last version is a co-author."
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <label className="block space-y-1">
          <span className="text-sm font-medium">What changed?</span>
          <input
            name="message"
            maxLength={500}
            placeholder="Warmer greeting; lower temperature"
            aria-invalid={Boolean(error)}
            className="w-full rounded-md border border-line bg-surface px-3 py-1.5 aria-[invalid=true]:border-danger"
          />
        </label>
        {syncing ? (
          <p role="status" className="text-sm text-muted">
            Syncing your latest changes…
          </p>
        ) : null}
        {error ? <Alert>{error}</Alert> : null}
        <DialogActions>
          <Button type="button" variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={busy} icon={Save}>
            Save version
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
