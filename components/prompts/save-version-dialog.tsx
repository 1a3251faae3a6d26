"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Asks for the commit message of the next version. `onSave` answers the problem to show, or null
 * when it is done (saved, or handed over to the conflict panel).
 */
export function SaveVersionDialog({ nextNumber, onCancel, onSave }: { nextNumber: number; onCancel: () => void; onSave: (message: string) => Promise<string | null> }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
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
    if (problem) setError(problem);
  }
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="save-title" className="fixed inset-0 z-50 flex items-start justify-center bg-black/30 p-4 pt-32" onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <form onSubmit={submit} className="w-full max-w-md space-y-4 rounded-lg border border-line bg-surface p-5 shadow-xl" noValidate>
        <h2 id="save-title" className="text-base font-semibold">
          Save version {nextNumber}
        </h2>
        <label className="block space-y-1">
          <span className="text-sm font-medium">What changed?</span>
          <input ref={ref} name="message" maxLength={500} placeholder="Warmer greeting; lower temperature" aria-invalid={Boolean(error)} className="w-full rounded-md border border-line bg-surface px-3 py-1.5 aria-[invalid=true]:border-danger" />
        </label>
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            Save version
          </Button>
        </div>
      </form>
    </div>
  );
}
