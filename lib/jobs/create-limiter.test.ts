import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createLimiter } from "@/lib/jobs/create-limiter";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("createLimiter", () => {
  it("runs at most `limit` tasks at once and starts the waiting ones in arrival order", async () => {
    const limiter = createLimiter({ limit: 2 });
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      return n * 10;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => limiter.run(task(n))));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(limiter.active()).toBe(0);
  });

  it("frees the slot of a task that throws, and passes the error on", async () => {
    const limiter = createLimiter({ limit: 1 });
    const failing = limiter.run(async () => {
      throw new Error("boom");
    });
    const next = limiter.run(async () => "ran");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ran");
    expect(limiter.active()).toBe(0);
    expect(limiter.waiting()).toBe(0);
  });

  it("never exceeds its limit whatever the mix of task lengths and failures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.record({ ms: fc.integer({ min: 0, max: 3 }), fails: fc.boolean() }), { maxLength: 25 }),
        async (limit, tasks) => {
          const limiter = createLimiter({ limit });
          let running = 0;
          let peak = 0;
          const settled = await Promise.allSettled(
            tasks.map((t) =>
              limiter.run(async () => {
                running++;
                peak = Math.max(peak, running);
                await new Promise((resolve) => setTimeout(resolve, t.ms));
                running--;
                if (t.fails) throw new Error("no");
              }),
            ),
          );
          expect(peak).toBeLessThanOrEqual(limit);
          expect(settled.filter((s) => s.status === "rejected")).toHaveLength(tasks.filter((t) => t.fails).length);
          expect(limiter.active() + limiter.waiting()).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("refuses a limit below 1, which would never run anything", () => {
    expect(() => createLimiter({ limit: 0 })).toThrow(/at least 1/);
  });
});
