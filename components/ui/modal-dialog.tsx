"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import { useRef, type ReactNode } from "react";

import { Icon } from "@/components/ui/icon";

export type DialogProps = {
  open: boolean;
  /** Called with false on Escape, a click on the overlay and the close button. */
  onOpenChange: (open: boolean) => void;
  /** The dialog's accessible name. */
  title: ReactNode;
  /** What is being asked, read out with the title. */
  description?: ReactNode;
  children?: ReactNode;
  "data-testid"?: string;
};

/**
 * The studio's one modal (loaded by `Dialog` in dialog.tsx on first open): Radix Dialog (focus trapped inside, Escape and the overlay close it, the
 * rest of the page hidden from screen readers) in the studio's colours, which follow the theme.
 *
 * It renders where it is declared instead of in a portal at the end of <body>: a confirm asked from
 * a table row stays inside that row, so the row's test id and label scope it. Being `fixed`, it
 * still covers the viewport (no ancestor in the studio sets a transform or filter).
 */
export function ModalDialog({ open, onOpenChange, title, description, children, ...rest }: DialogProps) {
  // Radix only gives focus back to a Dialog.Trigger; our dialogs also open from shortcuts (Ctrl/Cmd+S)
  // and from buttons that change state, so remember what had focus and return there.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/30 dark:bg-black/60" />
      <RadixDialog.Content
        data-testid={rest["data-testid"]}
        onOpenAutoFocus={() => {
          opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        }}
        onCloseAutoFocus={(event) => {
          if (opener.current?.isConnected) {
            event.preventDefault();
            opener.current.focus();
          }
        }}
        className="fixed top-24 left-1/2 z-50 max-h-[calc(100vh-8rem)] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 space-y-4 overflow-y-auto rounded-lg border border-line bg-surface p-5 text-left text-sm font-normal whitespace-normal text-ink shadow-xl focus:outline-none"
      >
        <div className="space-y-1 pr-6">
          <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className="text-muted">{description}</RadixDialog.Description> : null}
        </div>
        {children}
        <RadixDialog.Close
          aria-label="Close"
          className="absolute top-3 right-3 rounded-md p-1 text-muted hover:bg-subtle hover:text-ink"
        >
          <Icon icon={X} />
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Root>
  );
}
