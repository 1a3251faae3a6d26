"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";

import type { PresentPerson } from "@/components/collab/presence-avatars";
import { colorFor } from "@/lib/collab/person-color";
import { isIdle } from "@/lib/collab/presence/presence-timing";
import { reviewDocName } from "@/lib/collab/prompt-doc";

// activeAt is published at most this often: idle means two minutes without input, so being up to
// 30 s late costs nothing, and moving the mouse does not send a message per pixel.
const PUBLISH_ACTIVITY_MS = 30_000;
// Idle is a matter of time passing, not only of messages arriving: look again this often.
const RECHECK_IDLE_MS = 15_000;
const INPUT_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "scroll"] as const;

/** What another reader's awareness says, checked: it comes from their browser. */
function personOf(
  state: Record<string, unknown>,
): { id: string; name: string; color?: string; activeAt?: number } | null {
  const user = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
  if (!user || typeof user.id !== "string" || typeof user.name !== "string" || !user.id || user.id.length > 64)
    return null;
  return {
    id: user.id,
    name: user.name.slice(0, 100) || "Someone",
    color: typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : undefined,
    activeAt: typeof state.activeAt === "number" ? state.activeAt : undefined,
  };
}

/**
 * The other people reading a review now, from a presence-only live connection to `review:<id>`
 * (awareness, no content; the server keeps it read-only and stores nothing). Publishes who you are
 * and when you last moved or typed, so others see you dimmed after two minutes idle. Each person
 * once, however many tabs; nobody (not an error) while the connection is down or refused.
 */
export function useReviewReaders({ reviewId, me }: { reviewId: string; me: { id: string; name: string } }) {
  const [readers, setReaders] = useState<PresentPerson[]>([]);
  useEffect(() => {
    const url = `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}/api/collab`;
    const provider = new HocuspocusProvider({ url, name: reviewDocName(reviewId) });
    const awareness = provider.awareness!;
    let activeAt = Date.now();
    awareness.setLocalState({ user: { id: me.id, name: me.name, color: colorFor(me.id) }, activeAt });

    const read = () => {
      const now = Date.now();
      const latest = new Map<string, { name: string; color?: string; activeAt?: number }>();
      awareness.getStates().forEach((state, clientId) => {
        const person = clientId === awareness.clientID ? null : personOf(state);
        if (!person || person.id === me.id) return;
        const seen = latest.get(person.id);
        if (!seen || (person.activeAt ?? 0) > (seen.activeAt ?? 0)) latest.set(person.id, person);
      });
      setReaders([...latest].map(([id, p]) => ({ id, name: p.name, color: p.color, idle: isIdle(p.activeAt, now) })));
    };
    const onInput = () => {
      const now = Date.now();
      if (now - activeAt < PUBLISH_ACTIVITY_MS) return;
      activeAt = now;
      awareness.setLocalStateField("activeAt", now);
    };
    awareness.on("change", read);
    const recheck = setInterval(read, RECHECK_IDLE_MS);
    for (const event of INPUT_EVENTS) window.addEventListener(event, onInput, { passive: true, capture: true });
    return () => {
      for (const event of INPUT_EVENTS) window.removeEventListener(event, onInput, { capture: true });
      clearInterval(recheck);
      awareness.off("change", read);
      provider.destroy();
      setReaders([]);
    };
  }, [reviewId, me.id, me.name]);
  return readers;
}
