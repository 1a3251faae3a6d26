"use client";

import { REMOTE_CURSOR_BASE_CSS, remoteCursorCss } from "@/components/collab/remote-cursor-css";
import type { LivePerson } from "@/components/collab/use-live-people";

/** Paints every other person's cursor and selection in their colour, with their name. */
export function RemoteCursorStyles({ people }: { people: LivePerson[] }) {
  const css = remoteCursorCss(people.filter((p) => !p.self));
  return <style data-testid="remote-cursor-styles">{`${REMOTE_CURSOR_BASE_CSS}\n${css}`}</style>;
}
