import { describe, expect, it } from "vitest";

import { describeReviewTarget } from "@/lib/reviews/describe-review-target";

describe("describeReviewTarget", () => {
  it("names a whole version", () => {
    expect(describeReviewTarget({ version: 7, arms: null })).toBe("v7");
  });

  it("names the reviewed version's share first, then the other arms in their order", () => {
    const canary = [
      { version: 6, weight: 90 },
      { version: 7, weight: 10 },
    ];
    expect(describeReviewTarget({ version: 7, arms: canary })).toBe("v7 at 10 % (v6 90 %)");
    const three = [
      { version: 6, weight: 50 },
      { version: 8, weight: 20 },
      { version: 7, weight: 30 },
    ];
    expect(describeReviewTarget({ version: 8, arms: three })).toBe("v8 at 20 % (v6 50 % · v7 30 %)");
  });
});
