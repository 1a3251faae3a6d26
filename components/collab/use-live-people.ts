"use client";

import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

import { isIdle } from "@/lib/collab/presence/presence-timing";

/** Someone on the document, as their awareness state says. */
export type LivePerson = {
  clientId: number;
  id: string;
  name: string;
  color: string;
  /** No input for 2 minutes. */
  idle: boolean;
  /** This browser tab. */
  self: boolean;
};

function read(awareness: Awareness): LivePerson[] {
  const people: LivePerson[] = [];
  const now = Date.now();
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
    const activeAt = (state as { activeAt?: unknown }).activeAt;
    if (!user || typeof user.id !== "string" || typeof user.name !== "string" || typeof user.color !== "string") return;
    people.push({
      clientId,
      id: user.id,
      name: user.name.slice(0, 100),
      color: user.color,
      idle: isIdle(typeof activeAt === "number" ? activeAt : null, now),
      self: clientId === awareness.clientID,
    });
  });
  return people;
}

/** Everyone whose tab is on the document (this one included), kept current. */
export function useLivePeople(awareness: Awareness | null): LivePerson[] {
  const [people, setPeople] = useState<LivePerson[]>([]);
  useEffect(() => {
    if (!awareness) return;
    // Awareness changes with every cursor move; the editor re-renders only when the people do.
    let last = "";
    const update = () => {
      const next = read(awareness);
      const key = JSON.stringify(next);
      if (key === last) return;
      last = key;
      setPeople(next);
    };
    update();
    awareness.on("change", update);
    // Idle is a matter of time passing, not of a change: look again every half minute.
    const timer = window.setInterval(update, 30_000);
    return () => {
      awareness.off("change", update);
      window.clearInterval(timer);
    };
  }, [awareness]);
  return awareness ? people : [];
}

/** One entry per person (several tabs of one person count once, idle only if every tab is). */
export function distinctPeople(people: LivePerson[]) {
  const byId = new Map<string, { id: string; name: string; color: string; idle: boolean; self: boolean }>();
  for (const p of people) {
    const idle = p.idle;
    const seen = byId.get(p.id);
    byId.set(p.id, {
      id: p.id,
      name: p.name,
      color: p.color,
      idle: seen ? seen.idle && idle : idle,
      self: (seen?.self ?? false) || p.self,
    });
  }
  return [...byId.values()];
}
