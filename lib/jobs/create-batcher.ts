export type Batcher<I, R> = {
  /** Queues `item` for the next flush; resolves with its own result (or rejects with its own error). */
  add: (item: I) => Promise<R>;
  /** Items queued or being flushed right now. */
  pending: () => number;
  /** Flushes what is queued without waiting out minIntervalMs (nothing else is coming soon). */
  hurry: () => void;
};

export type BatcherOptions<I, R> = {
  /** Writes a batch at once; returns one result per item, in the items' order. */
  flush: (items: I[]) => Promise<R[]>;
  /** At most this many items per flush (one statement's worth). */
  maxBatch: number;
  /**
   * A flush starts at least this long after the previous one started (default 0: as soon as the
   * previous one ends). Items then wait up to this long, and each flush carries more of them: worth
   * it where a flush costs much more than an item (a transaction on the embedded database).
   */
  minIntervalMs?: number;
};

type Entry<I, R> = { item: I; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Group commit: items that arrive while a flush is in flight (or within minIntervalMs of the last
 * one) go together in the next flush, so N finished jobs cost one round trip instead of N; an item
 * arriving when nothing was flushed lately waits only for the current event-loop turn. A batch that
 * fails is flushed again item by item, so an item the database refuses fails alone instead of
 * taking its batch with it.
 */
export function createBatcher<I, R>(opts: BatcherOptions<I, R>): Batcher<I, R> {
  if (!Number.isInteger(opts.maxBatch) || opts.maxBatch < 1)
    throw new Error("A batcher needs a maxBatch of at least 1.");
  const interval = opts.minIntervalMs ?? 0;
  let queue: Entry<I, R>[] = [];
  let flushing = 0;
  // One flush loop at a time: items added while it runs join the queue it drains next.
  let running = false;
  let lastStart = -Infinity;
  let wake: (() => void) | null = null;
  let hurried = false;

  const settle = async (batch: Entry<I, R>[]) => {
    const results = await opts.flush(batch.map((e) => e.item));
    if (results.length !== batch.length)
      throw new Error(`A batch flush returned ${results.length} results for ${batch.length} items.`);
    batch.forEach((entry, i) => entry.resolve(results[i]!));
  };

  const run = async () => {
    while (queue.length) {
      const wait = lastStart + interval - performance.now();
      if (wait > 0 && !hurried)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wake = null;
      hurried = false;
      lastStart = performance.now();
      const batch = queue.slice(0, opts.maxBatch);
      queue = queue.slice(batch.length);
      flushing += batch.length;
      try {
        await settle(batch);
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const entry of batch) await settle([entry]).catch((own: unknown) => entry.reject(own));
      } finally {
        flushing -= batch.length;
      }
    }
    running = false;
  };

  return {
    pending: () => queue.length + flushing,
    hurry: () => {
      hurried = true;
      wake?.();
    },
    add: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running) return;
        running = true;
        setImmediate(() => void run());
      }),
  };
}
