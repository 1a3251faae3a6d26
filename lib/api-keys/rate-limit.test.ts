import { describe, expect, it } from "vitest";

import { getEnv } from "@/lib/env";

import { takeToken } from "./rate-limit";

const rate = getEnv().GALLEY_API_RATE_LIMIT;
const burst = rate * 2;
const drain = (key: string, at: number) => {
  let allowed = 0;
  while (takeToken(key, at).ok) allowed++;
  return allowed;
};

describe("takeToken", () => {
  it("allows a burst of twice the rate, then refuses with the seconds to wait", () => {
    expect(drain("key-a", 1_000)).toBe(burst);
    expect(takeToken("key-a", 1_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
  it("refills at the rate per second, never above the burst", () => {
    drain("key-b", 5_000);
    // A tenth of a second later, a tenth of the rate has come back.
    expect(drain("key-b", 5_100)).toBe(Math.floor(rate / 10));
    // A long pause refills the bucket to the burst, no further.
    expect(drain("key-b", 65_000)).toBe(burst);
  });
  it("keeps a bucket per key", () => {
    drain("key-c", 9_000);
    expect(takeToken("key-c", 9_000).ok).toBe(false);
    expect(takeToken("key-d", 9_000).ok).toBe(true);
  });
});
