"use client";

import { useEffect, useRef, useState } from "react";

import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import type { PromptContent } from "@/lib/validations/prompt";

export type SaveState =
  | { kind: "clean" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string };

type Options = {
  url: string;
  content: PromptContent;
  baseVersion: number;
  /** Bumped by the editor on every change; 0 means nothing was edited yet. */
  revision: number;
  enabled: boolean;
  initialSavedAt: string | null;
};

/**
 * Saves the working copy to the server 800 ms after the last change, so a reload, a crash or a
 * closed tab loses nothing; also when the page is hidden.
 */
export function useDraftAutosave(opts: Options) {
  const [state, setState] = useState<SaveState>(
    opts.initialSavedAt ? { kind: "saved", at: opts.initialSavedAt } : { kind: "clean" },
  );
  const [savedRevision, setSavedRevision] = useState(0);
  const savedRef = useRef(0);
  const latest = useRef(opts);
  const inFlight = useRef<Promise<void> | null>(null);

  useEffect(() => {
    latest.current = opts;
  });

  const flush = async () => {
    const { url, content, baseVersion, revision } = latest.current;
    if (revision === savedRef.current) return; // already saved, or saved as a version meanwhile
    setState({ kind: "saving" });
    const request = apiFetch<{ savedAt: string }>(url, { method: "PUT", body: { baseVersion, content } })
      .then((r) => {
        savedRef.current = Math.max(savedRef.current, revision);
        setSavedRevision(savedRef.current);
        setState({ kind: "saved", at: r.savedAt });
      })
      .catch((e: ApiError) => setState({ kind: "error", message: e.message }));
    inFlight.current = request;
    await request;
  };

  useEffect(() => {
    if (!opts.enabled || opts.revision === 0) return;
    const timer = setTimeout(() => void flush(), 800);
    return () => clearTimeout(timer);
    // flush reads the latest options through a ref; only a new revision re-arms the timer.
  }, [opts.revision, opts.enabled]);

  useEffect(() => {
    const onHide = () => {
      const { url, content, baseVersion, revision, enabled } = latest.current;
      if (document.visibilityState === "hidden" && enabled && revision > 0) {
        // keepalive lets the request finish even if the tab is closing.
        void fetch(url, {
          method: "PUT",
          keepalive: true,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ baseVersion, content }),
        });
      }
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, []);

  const unsaved = opts.revision > 0 && opts.revision !== savedRevision;
  return {
    state: unsaved && state.kind !== "saving" && state.kind !== "error" ? ({ kind: "pending" } as SaveState) : state,
    /** After a version is saved: the draft is gone and nothing is pending. */
    markClean: () => {
      savedRef.current = latest.current.revision;
      setSavedRevision(latest.current.revision);
      setState({ kind: "clean" });
    },
    waitForSave: () => inFlight.current ?? Promise.resolve(),
  };
}
