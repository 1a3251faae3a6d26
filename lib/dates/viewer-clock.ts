// The viewer's clock as an external store for useSyncExternalStore: the server (and hydration)
// snapshot is null, so server HTML and the first client render show the same stable text; right
// after hydration React re-renders with the browser's clock, zone and locale. It ticks every
// 30 s while something shows a relative time.
let now = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

/** `useSyncExternalStore(viewerClock.subscribe, viewerClock.getSnapshot, viewerClock.getServerSnapshot)`. */
export const viewerClock = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    if (!timer) {
      now = Date.now();
      timer = setInterval(tick, 30_000);
    }
    return () => {
      listeners.delete(listener);
      if (!listeners.size && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  },
  /** The browser's now (ms), stable between ticks, as useSyncExternalStore requires. */
  getSnapshot(): number {
    if (!now) now = Date.now();
    return now;
  },
  /** On the server and during hydration: unknown, so callers render the stable UTC form. */
  getServerSnapshot(): null {
    return null;
  },
};
