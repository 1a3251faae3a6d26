/** What {@link abortAfter} returns: the signal to pass on, whether the time ran out, and the cleanup. */
export type AbortAfter = { signal: AbortSignal; timedOut: () => boolean; clear: () => void };

/**
 * A signal that aborts with a TimeoutError after `ms`, or when `signal` aborts, whichever is first.
 * Use it instead of `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: Node holds the sources of
 * an any() weakly, so a timeout signal nothing else references can be garbage-collected before it
 * fires (nodejs/node#57736, seen on Node 20), and the call then waits as long as the other side
 * likes. Here the timer holds the controller. Call `clear()` when the work is done.
 */
export function abortAfter(ms: number, signal?: AbortSignal): AbortAfter {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`The operation timed out after ${ms} ms.`, "TimeoutError"));
  }, ms);
  const follow = () => controller.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener("abort", follow, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", follow);
    },
  };
}
