"use client";

import type { LucideIcon } from "lucide-react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, type DialogProps } from "@/components/ui/dialog";

type Props = Omit<DialogProps, "data-testid"> & {
  /** The action's own words ("Revoke now", "Remove ana@example.com"): never a bare "OK". */
  confirmLabel: string;
  /** The way out, in words that say what stays ("Keep", "Keep it"). */
  cancelLabel?: string;
  icon?: LucideIcon;
  busy?: boolean;
  /** Why the last attempt failed, shown inside the dialog (the page behind it is covered). */
  error?: string;
  onConfirm: () => void;
};

/** Asks before a destructive action: the Dialog with a way out and the action, named by what it does. */
export function ConfirmDialog({
  confirmLabel,
  cancelLabel = "Cancel",
  icon,
  busy,
  error,
  onConfirm,
  children,
  ...dialog
}: Props) {
  return (
    <Dialog {...dialog}>
      {children}
      {error ? <Alert>{error}</Alert> : null}
      <DialogActions>
        <Button variant="ghost" onClick={() => dialog.onOpenChange(false)}>
          {cancelLabel}
        </Button>
        <Button variant="danger" icon={icon} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
