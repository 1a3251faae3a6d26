import type { CSSProperties } from "react";

/**
 * Shadows at the edges of a sideways-scrolling frame that has more to show on that side, in CSS
 * alone (no scroll listener, right on the server's HTML): two surface-coloured covers scroll with
 * the content (`local`) and hide two shadows fixed to the frame (`scroll`) while an edge is reached.
 * The frame's content must not paint its own background over them.
 */
export const scrollCueStyle: CSSProperties = {
  backgroundImage: [
    "linear-gradient(to right, var(--surface) 40%, transparent)",
    "linear-gradient(to left, var(--surface) 40%, transparent)",
    "radial-gradient(farthest-side at 0 50%, color-mix(in srgb, var(--ink) 22%, transparent), transparent)",
    "radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, var(--ink) 22%, transparent), transparent)",
  ].join(", "),
  backgroundPosition: "left center, right center, left center, right center",
  backgroundSize: "2.5rem 100%, 2.5rem 100%, 0.875rem 100%, 0.875rem 100%",
  backgroundRepeat: "no-repeat",
  backgroundAttachment: "local, local, scroll, scroll",
  backgroundColor: "var(--surface)",
};
