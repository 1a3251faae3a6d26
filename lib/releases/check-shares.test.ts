import { describe, expect, it } from "vitest";

import { checkShares, reviewedVersion, sharesTotal } from "@/lib/releases/check-shares";

const current = [
  { version: 6, weight: 80 },
  { version: 7, weight: 10 },
  { version: 8, weight: 10 },
];

describe("checkShares", () => {
  it("turns whole percents that add up to 100 into the new split, in the current order", () => {
    expect(checkShares({ current, entered: { 8: "30", 6: " 50 ", 7: "20" } })).toEqual({
      ok: true,
      arms: [
        { version: 6, weight: 50 },
        { version: 7, weight: 20 },
        { version: 8, weight: 30 },
      ],
    });
  });

  it("names every field that is not a whole percent from 1 to 99", () => {
    expect(checkShares({ current, entered: { 6: "0", 7: "12.5", 8: "" } })).toEqual({
      ok: false,
      fields: { 6: "v6: 1–99, whole numbers", 7: "v7: 1–99, whole numbers", 8: "v8: 1–99, whole numbers" },
      total: null,
    });
    expect(checkShares({ current, entered: { 6: "100", 7: "-5", 8: "1e1" } })).toMatchObject({
      fields: { 6: "v6: 1–99, whole numbers", 7: "v7: 1–99, whole numbers", 8: "v8: 1–99, whole numbers" },
    });
  });

  it("says what the shares add up to when it is not 100, and refuses the split that runs now", () => {
    expect(checkShares({ current, entered: { 6: "70", 7: "15", 8: "10" } })).toEqual({
      ok: false,
      fields: {},
      total: "The shares add up to 95 %; they must add up to 100 %.",
    });
    expect(checkShares({ current, entered: { 6: "80", 7: "10", 8: "10" } })).toMatchObject({
      total: "These are the shares it runs now; change at least one.",
    });
  });

  it("totals what is typed so far, counting fields that are not a whole percent as 0", () => {
    expect(sharesTotal({ 6: "70", 7: "15", 8: "x" })).toBe(85);
    expect(sharesTotal({ 6: "", 7: "" })).toBe(0);
  });
});

describe("reviewedVersion", () => {
  it("is the arm that gains the most, or the largest other arm when only the base gains", () => {
    const up = [
      { version: 6, weight: 50 },
      { version: 7, weight: 15 },
      { version: 8, weight: 35 },
    ];
    expect(reviewedVersion({ current, arms: up, baseVersion: 6 })).toBe(8);
    const down = [
      { version: 6, weight: 90 },
      { version: 7, weight: 4 },
      { version: 8, weight: 6 },
    ];
    expect(reviewedVersion({ current, arms: down, baseVersion: 6 })).toBe(8);
  });
});
