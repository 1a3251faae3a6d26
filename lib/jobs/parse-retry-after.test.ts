import { describe, expect, it } from "vitest";

import { parseRetryAfter } from "@/lib/jobs/parse-retry-after";

const now = Date.parse("2026-11-26T12:00:00Z");

describe("parseRetryAfter", () => {
  it("reads delta-seconds, fractions included, from a Headers object or a plain record", () => {
    expect(parseRetryAfter({ headers: new Headers({ "retry-after": "7" }), now })).toBe(7000);
    expect(parseRetryAfter({ headers: { "retry-after": "1.5" }, now })).toBe(1500);
    expect(parseRetryAfter({ headers: { "retry-after": "0" }, now })).toBe(0);
  });

  it("prefers OpenAI's retry-after-ms, which is finer than seconds", () => {
    expect(parseRetryAfter({ headers: new Headers({ "retry-after": "1", "retry-after-ms": "100" }), now })).toBe(100);
  });

  it("reads an HTTP date as the time left until it, and a date already past as now", () => {
    expect(parseRetryAfter({ headers: { "retry-after": "Thu, 26 Nov 2026 12:00:30 GMT" }, now })).toBe(30_000);
    expect(parseRetryAfter({ headers: { "retry-after": "Thu, 26 Nov 2026 11:00:00 GMT" }, now })).toBe(0);
  });

  it("says nothing for a missing, empty, negative or nonsensical header rather than guessing", () => {
    expect(parseRetryAfter({ headers: null, now })).toBeNull();
    expect(parseRetryAfter({ headers: new Headers(), now })).toBeNull();
    expect(parseRetryAfter({ headers: { "retry-after": "" }, now })).toBeNull();
    expect(parseRetryAfter({ headers: { "retry-after": "-5" }, now })).toBeNull();
    expect(parseRetryAfter({ headers: { "retry-after": "soon" }, now })).toBeNull();
    expect(parseRetryAfter({ headers: { "retry-after": "12 34" }, now })).toBeNull();
    expect(parseRetryAfter({ headers: { "retry-after-ms": "abc", "retry-after": "2" }, now })).toBe(2000);
  });

  it("caps a huge wait at a day, so a broken header cannot park work for years", () => {
    expect(parseRetryAfter({ headers: { "retry-after": "99999999999" }, now })).toBe(24 * 60 * 60_000);
  });
});
