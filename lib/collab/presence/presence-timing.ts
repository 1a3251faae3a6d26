// When someone counts as idle or gone: the same figures for the server's presence rows and the
// browser's awareness. Browser-safe.

/** No input (typing, moving the cursor) for this long: shown dimmed, "idle". */
export const IDLE_AFTER_MS = 2 * 60_000;

/**
 * A presence row the server has not refreshed for this long is ignored (and later swept): its
 * instance stopped without deleting it. Two and a half 30-second heartbeats, so one late beat
 * never makes someone blink out.
 */
export const PRESENCE_STALE_AFTER_MS = 75_000;

/** Idle when the last input is older than IDLE_AFTER_MS (or was never reported). */
export const isIdle = (activeAt: number | null | undefined, now: number) =>
  typeof activeAt !== "number" || !Number.isFinite(activeAt) || now - activeAt > IDLE_AFTER_MS;
