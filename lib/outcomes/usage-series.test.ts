import { describe, expect, it } from "vitest";

import { bucketFor } from "@/lib/outcomes/usage-series";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 26) + minutes * 60_000);

describe("bucketFor", () => {
  it("picks the finest bucket with at most 500 points, counting partial buckets at both ends", () => {
    expect(bucketFor(at(0), at(500))).toBe("minute");
    // Half a minute off: 501 minute buckets are touched.
    expect(bucketFor(at(0.5), at(500.5))).toBe("hour");
    expect(bucketFor(at(0), at(500 * 60))).toBe("hour");
    expect(bucketFor(at(0), at(500 * 60 + 1))).toBe("day");
    expect(bucketFor(at(0), at(500 * 1440))).toBe("day");
    expect(bucketFor(at(0), at(500 * 1440 + 1))).toBeNull();
  });
});
