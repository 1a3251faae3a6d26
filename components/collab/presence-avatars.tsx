import { colorFor } from "@/lib/collab/person-color";

/** Someone on a prompt or review right now. */
export type PresentPerson = {
  id: string;
  name: string;
  /** Their colour (colorFor(id) when left out), so avatar and cursor match. */
  color?: string;
  /** No input for two minutes: shown dimmed. */
  idle: boolean;
};

/** "Ana Lima" → "AL", "ana@example.com" → "A"; at most two letters, whole code points. */
export function initialsOf(name: string): string {
  const words = name
    .replace(/@.*$/, "")
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? "");
  return letters.join("").toUpperCase() || "?";
}

const personLabel = (p: PresentPerson) => (p.idle ? `${p.name} (idle)` : p.name);

/**
 * Who is here: initials in coloured circles, overlapping, the first `max` shown and the rest
 * counted in a "+N" circle whose title names them. Idle people are dimmed and say "idle" in their
 * title and accessible name. A list, so a screen reader hears every name. Renders nothing for
 * nobody; a fixed height, so appearing avatars never move the text around them.
 */
export function PresenceAvatars({
  people,
  label,
  max = 4,
  size = "md",
}: {
  people: PresentPerson[];
  /** What the list is, for screen readers: "Editing now", "Reading now". */
  label: string;
  max?: number;
  /** "sm" (20 px) fits a table row's line of text; "md" (24 px) a header. */
  size?: "sm" | "md";
}) {
  if (people.length === 0) return null;
  // Active people first, so the ones who are really there are the ones shown.
  const ordered = [...people].sort((a, b) => Number(a.idle) - Number(b.idle));
  const shown = ordered.slice(0, Math.max(1, max));
  const hidden = ordered.slice(shown.length);
  const circle = size === "sm" ? "size-5 text-[9px]" : "size-6 text-[10px]";
  return (
    <ul
      aria-label={label}
      data-testid="presence-avatars"
      className={`inline-flex ${size === "sm" ? "h-5" : "h-6"} shrink-0 items-center -space-x-1.5`}
    >
      {shown.map((p) => (
        <li
          key={p.id}
          data-person={p.id}
          data-idle={p.idle || undefined}
          title={personLabel(p)}
          style={{ backgroundColor: p.color ?? colorFor(p.id) }}
          className={`flex ${circle} cursor-default items-center justify-center rounded-full leading-none font-semibold text-white ring-2 ring-surface select-none ${p.idle ? "opacity-45 grayscale-[40%]" : ""}`}
        >
          <span aria-hidden="true">{initialsOf(p.name)}</span>
          <span className="sr-only">{personLabel(p)}</span>
        </li>
      ))}
      {hidden.length > 0 ? (
        <li
          data-testid="presence-more"
          title={hidden.map(personLabel).join(", ")}
          className={`flex ${circle} cursor-default items-center justify-center rounded-full bg-subtle leading-none font-semibold text-muted ring-2 ring-surface select-none`}
        >
          <span aria-hidden="true">+{hidden.length}</span>
          <span className="sr-only">and {hidden.map(personLabel).join(", ")}</span>
        </li>
      ) : null}
    </ul>
  );
}
