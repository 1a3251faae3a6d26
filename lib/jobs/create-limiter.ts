export type Limiter = {
  /** Runs `task` once fewer than `limit` tasks of this limiter are running; resolves with its result. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
  /** Tasks running now. */
  active: () => number;
  /** Tasks waiting for a slot. */
  waiting: () => number;
};

/**
 * A counting semaphore: at most `limit` tasks at once, the others wait in arrival order. A task
 * that throws frees its slot like one that succeeds.
 */
export function createLimiter(opts: { limit: number }): Limiter {
  if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new Error("A limiter needs a limit of at least 1.");
  let active = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    active--;
    const next = queue.shift();
    if (next) {
      active++;
      next();
    }
  };
  return {
    active: () => active,
    waiting: () => queue.length,
    run: async <T>(task: () => Promise<T>): Promise<T> => {
      if (active < opts.limit) active++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
