"use client";

import dynamic from "next/dynamic";
import { useEffect, useState, type ReactNode } from "react";

import type { DialogProps } from "@/components/ui/modal-dialog";

export type { DialogProps } from "@/components/ui/modal-dialog";

// Radix Dialog (about 14 KB gzip) is not needed to paint a page, only to open a dialog: it loads
// when the browser is first idle, or on the first open if that comes sooner.
const loadModal = () => import("@/components/ui/modal-dialog");
const ModalDialog = dynamic(() => loadModal().then((m) => m.ModalDialog));
let prefetched = false;

/**
 * The studio's one modal (see ModalDialog for what it does). Renders nothing until first opened,
 * as Radix renders nothing for a closed dialog; once opened it stays mounted so closing returns
 * focus to where it was.
 */
export function Dialog(props: DialogProps) {
  const [used, setUsed] = useState(props.open);
  if (props.open && !used) setUsed(true);
  useEffect(() => {
    if (prefetched) return;
    prefetched = true;
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1000));
    idle(() => void loadModal());
  }, []);
  return used ? <ModalDialog {...props} /> : null;
}

/** The row of buttons at the foot of a dialog, the main action last. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap justify-end gap-2">{children}</div>;
}
