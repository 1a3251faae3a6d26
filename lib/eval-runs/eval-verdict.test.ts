import { describe, expect, it } from "vitest";

import { evalVerdict, type ColumnStatus } from "@/lib/eval-runs/eval-verdict";

const column = (passRate: number | null, errors = 0, role: ColumnStatus["role"] = "candidate"): ColumnStatus => ({
  label: role === "candidate" ? "v7" : "Production (v6)",
  role,
  version: role === "candidate" ? 7 : 6,
  passRate,
  meanScore: passRate,
  errors,
});

describe("evalVerdict", () => {
  it("has no verdict while the run goes on, and fails a cancelled or failed run", () => {
    const candidate = column(1);
    expect(
      evalVerdict({ status: "running", candidate, baseline: undefined, criteria: { minPassRate: 1 } }).pass,
    ).toBeNull();
    expect(
      evalVerdict({ status: "queued", candidate, baseline: undefined, criteria: { minPassRate: 1 } }).pass,
    ).toBeNull();
    expect(evalVerdict({ status: "cancelled", candidate, baseline: undefined, criteria: { minPassRate: 0 } })).toEqual({
      pass: false,
      reasons: ["The run was cancelled."],
    });
  });

  it("passes at exactly the minimum pass rate and fails just below it", () => {
    const at = evalVerdict({
      status: "finished",
      candidate: column(0.9),
      baseline: undefined,
      criteria: { minPassRate: 0.9 },
    });
    expect(at).toEqual({ pass: true, reasons: ["Pass rate 90% meets the minimum 90%."] });
    const below = evalVerdict({
      status: "finished",
      candidate: column(0.89),
      baseline: undefined,
      criteria: { minPassRate: 0.9 },
    });
    expect(below).toEqual({ pass: false, reasons: ["Pass rate 89% is below the minimum 90%."] });
  });

  it("fails a candidate with rows that could not be run, even at a perfect pass rate over the rest", () => {
    const verdict = evalVerdict({
      status: "finished",
      candidate: column(1, 2),
      baseline: undefined,
      criteria: { minPassRate: 1 },
    });
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons[0]).toBe("2 row(s) could not be run; see their errors.");
  });

  it("fails a regression against the baseline beyond maxRegression, and ignores regressions when none is given", () => {
    const baseline = column(0.9, 0, "baseline");
    const criteria = { minPassRate: 0.5, maxRegression: 0.05 };
    expect(evalVerdict({ status: "finished", candidate: column(0.85), baseline, criteria }).pass).toBe(true);
    const worse = evalVerdict({ status: "finished", candidate: column(0.8), baseline, criteria });
    expect(worse.pass).toBe(false);
    expect(worse.reasons).toContain("Pass rate fell 10% below Production (v6) (90%); at most 5% is allowed.");
    expect(
      evalVerdict({ status: "finished", candidate: column(0.6), baseline, criteria: { minPassRate: 0.5 } }).pass,
    ).toBe(true);
  });

  it("treats a candidate with nothing scored as a 0% pass rate", () => {
    expect(
      evalVerdict({ status: "finished", candidate: column(null, 3), baseline: undefined, criteria: { minPassRate: 0 } })
        .pass,
    ).toBe(false);
    expect(
      evalVerdict({ status: "finished", candidate: column(null), baseline: undefined, criteria: { minPassRate: 0.1 } })
        .pass,
    ).toBe(false);
  });
});
