import { describe, expect, it } from "vitest";

import { createBatcher } from "@/lib/jobs/create-batcher";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createBatcher", () => {
  it("writes items that arrive during a flush together in the next one, each getting its own result", async () => {
    const flushed: number[][] = [];
    const batcher = createBatcher({
      maxBatch: 100,
      flush: async (items: number[]) => {
        flushed.push(items);
        await sleep(20);
        return items.map((n) => n * 10);
      },
    });
    const first = batcher.add(1);
    await sleep(5);
    // The first flush is in flight: these three wait for it, then go in one.
    const rest = [batcher.add(2), batcher.add(3), batcher.add(4)];
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(flushed).toEqual([[1], [2, 3, 4]]);
    expect(batcher.pending()).toBe(0);
  });

  it("splits a long queue into batches of at most maxBatch", async () => {
    const sizes: number[] = [];
    const batcher = createBatcher({
      maxBatch: 3,
      flush: async (items: number[]) => {
        sizes.push(items.length);
        return items;
      },
    });
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => batcher.add(n)))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it("retries a failed batch item by item, so only the item the flush refuses fails", async () => {
    const batcher = createBatcher({
      maxBatch: 10,
      flush: async (items: string[]) => {
        if (items.includes("bad")) throw new Error("refused");
        return items.map((s) => s.toUpperCase());
      },
    });
    const results = await Promise.allSettled(["a", "bad", "c"].map((s) => batcher.add(s)));
    expect(results).toEqual([
      { status: "fulfilled", value: "A" },
      { status: "rejected", reason: expect.objectContaining({ message: "refused" }) },
      { status: "fulfilled", value: "C" },
    ]);
  });

  it("waits minIntervalMs between flushes so more items share one, unless hurried", async () => {
    const flushed: number[][] = [];
    const batcher = createBatcher({
      maxBatch: 100,
      minIntervalMs: 60,
      flush: async (items: number[]) => {
        flushed.push(items);
        return items;
      },
    });
    // Nothing flushed lately: the first goes at once.
    await batcher.add(1);
    const started = performance.now();
    const later = [batcher.add(2)];
    await sleep(10);
    later.push(batcher.add(3));
    await Promise.all(later);
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(flushed).toEqual([[1], [2, 3]]);

    const hurried = performance.now();
    const last = batcher.add(4);
    batcher.hurry();
    await last;
    expect(performance.now() - hurried).toBeLessThan(40);
    expect(flushed.at(-1)).toEqual([4]);
  });
});
