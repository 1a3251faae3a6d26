// A person's colour in the editor (cursor, selection, name label, avatar ring), the same on every
// screen because it follows from their user id. Each colour carries white label text at a
// contrast of 4.5:1 or more and stands out on the light and the dark editor background alike.
const palette = [
  "#b91c1c",
  "#c2410c",
  "#a16207",
  "#15803d",
  "#0f766e",
  "#0369a1",
  "#1d4ed8",
  "#4338ca",
  "#6d28d9",
  "#a21caf",
  "#be185d",
  "#4d7c0f",
] as const;

/** The colour that marks `userId`'s cursor and avatar. */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619);
  return palette[(hash >>> 0) % palette.length]!;
}

export const userColors = palette;
