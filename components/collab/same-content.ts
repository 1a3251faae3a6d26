// Whether the working copy still holds what its base version does: the editor offers to discard
// changes, and saves before asking for a review, only when there is something to keep.
import type { PromptContent } from "@/lib/templates/prompt-content";

/** JSON with object keys sorted and undefined left out, so equal content compares equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function sameContent(a: PromptContent, b: PromptContent): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
