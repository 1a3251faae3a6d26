import { describe, expect, it } from "vitest";

import { retryDelay } from "@/lib/jobs/retry-delay";

const none = () => 0;

describe("retryDelay", () => {
  it("doubles from the base with each attempt, up to the cap", () => {
    const delays = [1, 2, 3, 4, 5, 10].map((attempts) =>
      retryDelay({ attempts, baseMs: 1000, maxMs: 10_000, random: none }),
    );
    expect(delays).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it("takes up to a fifth off as jitter, never adding to the wait", () => {
    expect(retryDelay({ attempts: 1, baseMs: 1000, maxMs: 10_000, random: () => 0.999 })).toBe(800);
    expect(retryDelay({ attempts: 3, baseMs: 1000, maxMs: 10_000, random: () => 0.5 })).toBe(3600);
  });

  it("waits exactly what the server asked for (Retry-After) instead, within the cap", () => {
    expect(retryDelay({ attempts: 1, baseMs: 1000, maxMs: 60_000, retryAfterMs: 7000, random: none })).toBe(7000);
    expect(retryDelay({ attempts: 4, baseMs: 1000, maxMs: 60_000, retryAfterMs: 100, random: none })).toBe(100);
    expect(retryDelay({ attempts: 1, baseMs: 1000, maxMs: 60_000, retryAfterMs: 0 })).toBe(0);
    expect(retryDelay({ attempts: 1, baseMs: 1000, maxMs: 60_000, retryAfterMs: 3_600_000 })).toBe(60_000);
    // No Retry-After: our own schedule.
    expect(retryDelay({ attempts: 2, baseMs: 1000, maxMs: 60_000, retryAfterMs: null, random: none })).toBe(2000);
  });
});
