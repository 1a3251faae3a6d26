"use client";

import { useEffect, useState } from "react";

import { apiFetch } from "@/lib/client/api-fetch";

/**
 * Data the server rendered, refreshed from `url` every `everyMs` while `isLive(data)` holds (a run
 * queued or running): finished pages make no requests. A failed poll keeps the last data shown and
 * tries again on the next tick, so a blip never blanks the page.
 */
export function usePolled<T>(opts: { url: string; initial: T; isLive: (data: T) => boolean; everyMs?: number }) {
  const [state, setState] = useState({ url: opts.url, data: opts.initial });
  // A new URL (filters changed) or new server data starts from what the server sent.
  const data = state.url === opts.url ? state.data : opts.initial;
  const live = opts.isLive(data);
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const next = await apiFetch<T>(opts.url);
        if (!stopped) setState({ url: opts.url, data: next });
      } catch {
        // Keep showing what we have; the next tick retries.
      }
    }, opts.everyMs ?? 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [live, opts.url, opts.everyMs]);
  return data;
}
