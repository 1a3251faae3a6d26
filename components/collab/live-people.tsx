"use client";

import { distinctPeople, type LivePerson } from "@/components/collab/use-live-people";

/**
 * Who else has the prompt open, as coloured initials (idle ones faded). A minimal list until the
 * shared presence avatars (components/collab/presence-avatars.tsx) take its place.
 */
export function LivePeople({ people }: { people: LivePerson[] }) {
  const others = distinctPeople(people).filter((p) => !p.self);
  if (!others.length) return null;
  return (
    <ul aria-label="Also editing" className="flex items-center -space-x-1" data-testid="live-people">
      {others.map((p) => (
        <li
          key={p.id}
          title={`${p.name}${p.idle ? " (idle)" : ""}`}
          className={`flex size-6 items-center justify-center rounded-full border-2 border-canvas text-[10px] font-semibold text-white ${p.idle ? "opacity-50" : ""}`}
          style={{ backgroundColor: p.color }}
        >
          <span aria-hidden="true">{initials(p.name)}</span>
          <span className="sr-only">
            {p.name}
            {p.idle ? " (idle)" : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("") || "?";
