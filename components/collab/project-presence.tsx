"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

import { PresenceAvatars } from "@/components/collab/presence-avatars";
import type { PresenceEntry, ProjectPresence } from "@/lib/collab/presence/list-presence";

/** How often the list asks who is where, while the tab is visible. */
const REFRESH_MS = 20_000;

const PresenceContext = createContext<ProjectPresence["documents"]>({});

/**
 * Who is on which live document of a project, for the avatars below it: starts from what the server
 * rendered (no flash of empty rows) and asks again every 20 seconds while the tab is visible, and
 * at once when it becomes visible after longer than that. A failed refresh keeps what was shown.
 */
export function ProjectPresenceProvider({
  projectSlug,
  initial,
  children,
}: {
  projectSlug: string;
  initial: ProjectPresence;
  children: ReactNode;
}) {
  const [documents, setDocuments] = useState(initial.documents);
  useEffect(() => {
    const abort = new AbortController();
    let fetchedAt = Date.now();
    const refresh = async () => {
      fetchedAt = Date.now();
      try {
        const res = await fetch(`/api/projects/${encodeURIComponent(projectSlug)}/presence`, { signal: abort.signal });
        if (res.ok) setDocuments(((await res.json()) as ProjectPresence).documents);
      } catch {
        // Offline or navigating away: keep the last answer until the next turn.
      }
    };
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible" && Date.now() - fetchedAt >= REFRESH_MS) void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      abort.abort();
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [projectSlug]);
  return <PresenceContext.Provider value={documents}>{children}</PresenceContext.Provider>;
}

const toPeople = (entries: PresenceEntry[]) => entries.map((e) => ({ id: e.userId, name: e.name, idle: e.idle }));

/**
 * "Open now" avatars of one live document, from the nearest ProjectPresenceProvider: everyone with
 * it open, readers included (presence rows do not say who may edit), so not "editing".
 */
export function OpenNow({ documentName }: { documentName: string }) {
  const entries = useContext(PresenceContext)[documentName];
  if (!entries?.length) return null;
  return <PresenceAvatars people={toPeople(entries)} label="Open now" size="sm" max={3} />;
}
