// One colour per person, the same everywhere they appear (avatars, their cursor and selection in
// the editor) and on every screen, since it follows from their id alone. Browser-safe.

// Tailwind's 700 shades: white initials on each measure 4.9:1 or better, and they stay apart from
// one another for the few people who share a prompt at once.
const PALETTE = [
  "#b91c1c", // red
  "#c2410c", // orange
  "#a16207", // yellow
  "#15803d", // green
  "#0f766e", // teal
  "#0369a1", // sky
  "#1d4ed8", // blue
  "#6d28d9", // violet
  "#a21caf", // fuchsia
  "#be123c", // rose
] as const;

/** Every colour a person can get (for tests of contrast and spread). */
export const personColors: readonly string[] = PALETTE;

/** A person's colour as `#rrggbb`: stable for an id, spread evenly over the palette (FNV-1a). */
export function colorFor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] ?? PALETTE[0];
}
