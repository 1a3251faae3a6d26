// The stateless message the live-editing server sends a connection it made read-only, so the editor
// can say why (the provider itself only learns "readonly"). Browser-safe.

export type ReadOnlyNotice = { type: "read_only"; reason: "archived" | "role" };

export const encodeReadOnlyNotice = (reason: ReadOnlyNotice["reason"]) =>
  JSON.stringify({ type: "read_only", reason } satisfies ReadOnlyNotice);

/** The notice in a stateless payload, or null for any other message. */
export function parseReadOnlyNotice(payload: string): ReadOnlyNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<ReadOnlyNotice> | null;
    return value?.type === "read_only" && (value.reason === "archived" || value.reason === "role")
      ? { type: "read_only", reason: value.reason }
      : null;
  } catch {
    return null;
  }
}
