"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";

// Sonner is not needed to paint a page, only to show a toast, so it loads once the browser is idle
// (or at the latest after a second). A toast fired before then is not lost: Sonner's store replays
// the active toasts to a Toaster that subscribes late.
const Toaster = dynamic(() => import("@/components/ui/toaster").then((m) => m.Toaster), { ssr: false });

/** The root layout's toaster, kept out of every page's first-load JavaScript. */
export function LazyToaster() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!window.requestIdleCallback) {
      const id = window.setTimeout(() => setReady(true), 200);
      return () => window.clearTimeout(id);
    }
    const id = window.requestIdleCallback(() => setReady(true), { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }, []);
  return ready ? <Toaster /> : null;
}
