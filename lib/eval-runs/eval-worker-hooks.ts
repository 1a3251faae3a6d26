// How code that changes eval runs reaches the eval workers of this process (if any run here)
// without importing them: starting a run wakes them, cancelling one aborts its rows in flight at
// once. Workers of other instances notice a cancel on their next tick (they poll for it).
const hooksKey = Symbol.for("galley.eval-worker-hooks");
type Hooks = { nudge: () => void; cancel: (runId: string) => void };
type Holder = { [hooksKey]?: Set<Hooks> };

const registered = (): Set<Hooks> => ((globalThis as Holder)[hooksKey] ??= new Set());

/** A worker registers itself; the returned function unregisters it. */
export function registerEvalWorker(hooks: Hooks): () => void {
  registered().add(hooks);
  return () => registered().delete(hooks);
}

/** Wakes this process's eval workers so new items start without waiting for their next tick. */
export function nudgeEvalWorker(): void {
  for (const hooks of registered()) setTimeout(hooks.nudge, 0).unref?.();
}

/** Aborts this process's rows in flight for a cancelled run. */
export function abortEvalRunHere(runId: string): void {
  for (const hooks of registered()) hooks.cancel(runId);
}
