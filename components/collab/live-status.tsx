"use client";

import { useLiveConnection, type LiveConnection, type LiveSession } from "@/components/collab/use-live-document";
import { Alert } from "@/components/ui/alert";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";

/** What the status line says about the shared working copy. */
export function liveStatusText(connection: LiveConnection, unsyncedChanges: number, readOnly: boolean): string {
  switch (connection.kind) {
    case "refused":
      return "Read-only";
    case "connecting":
      return "Connecting…";
    case "offline":
      return readOnly
        ? "Offline – reconnecting…"
        : "Offline – your changes will be saved when the connection returns. Reconnecting…";
    case "connected":
      return readOnly ? "Read-only · live" : unsyncedChanges > 0 ? "Saving…" : "All changes saved";
  }
}

/**
 * The line above the editor: saved or not, online or not, and the version the copy is based on;
 * below it, why the server refused this page, if it did. While edits are unsaved, leaving the
 * page asks first.
 */
export function LiveStatus({
  session,
  readOnly,
  baseVersion,
}: {
  session: LiveSession;
  readOnly: boolean;
  baseVersion: number;
}) {
  const { connection, unsyncedChanges } = useLiveConnection(session);
  useUnsavedChanges(!readOnly && unsyncedChanges > 0);
  const base = baseVersion ? `based on v${baseVersion}` : "no version yet";
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-connection={connection.kind}
      className={`text-xs ${connection.kind === "offline" ? "text-danger" : "text-muted"}`}
    >
      {liveStatusText(connection, unsyncedChanges, readOnly)} · {base}
    </p>
  );
}

/**
 * Why the server will not take edits from this page, in its words (lib/collab/refusals.ts): it
 * refused, or it made the connection read-only although the page was opened to edit (the role
 * changed, the prompt was archived, since). A viewer who opened it read-only hears nothing.
 */
export function LiveRefusal({ session, openedToEdit }: { session: LiveSession; openedToEdit: boolean }) {
  const { connection, readOnlyBecause } = useLiveConnection(session);
  const message = connection.kind === "refused" ? connection.message : openedToEdit ? readOnlyBecause : null;
  if (!message) return null;
  return (
    <div data-testid="live-refusal">
      <Alert>{message}</Alert>
    </div>
  );
}
