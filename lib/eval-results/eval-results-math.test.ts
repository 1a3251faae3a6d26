import { describe, expect, it } from "vitest";

import { bucketLatencies } from "./bucket-latencies";
import { estimateEta } from "./estimate-eta";
import { summarizeColumns, type ResultGroup } from "./summarize-columns";

const group = (g: Partial<ResultGroup> & Pick<ResultGroup, "columnId" | "status" | "count">): ResultGroup => ({
  pass: null,
  scoreSum: 0,
  scoreCount: 0,
  latencySum: 0,
  latencyCount: 0,
  costUsd: 0,
  inputTokens: 0,
  outputTokens: 0,
  ...g,
});

describe("summarizeColumns", () => {
  const columns = [
    { id: "cand", role: "candidate", passRate: null, meanScore: null },
    { id: "base", role: "baseline", passRate: null, meanScore: null },
  ];
  const groups = [
    group({
      columnId: "cand",
      status: "done",
      pass: true,
      count: 3,
      scoreSum: 3,
      scoreCount: 3,
      latencySum: 300,
      latencyCount: 3,
      costUsd: 0.03,
      inputTokens: 30,
      outputTokens: 6,
    }),
    group({
      columnId: "cand",
      status: "done",
      pass: false,
      count: 1,
      scoreSum: 0.2,
      scoreCount: 1,
      latencySum: 500,
      latencyCount: 1,
      costUsd: 0.01,
      inputTokens: 10,
      outputTokens: 2,
    }),
    group({ columnId: "cand", status: "error", count: 2 }),
    group({ columnId: "cand", status: "pending", count: 4 }),
    group({ columnId: "cand", status: "cancelled", count: 7 }),
    group({ columnId: "base", status: "done", pass: true, count: 2, scoreSum: 2, scoreCount: 2 }),
    group({ columnId: "base", status: "done", pass: false, count: 2, scoreSum: 0, scoreCount: 2 }),
  ];

  it("computes pass rate and mean score over scored rows, leaving errors and pending rows out", () => {
    const [cand] = summarizeColumns({ columns, groups, stored: false });
    expect(cand).toMatchObject({
      scored: 4,
      passed: 3,
      errors: 2,
      pending: 4,
      skipped: 7,
      passRate: 0.75,
      costUsd: 0.04,
    });
    expect(cand!.meanScore).toBeCloseTo(3.2 / 4);
    expect(cand!.meanLatencyMs).toBe(200);
    expect(cand!.inputTokens).toBe(40);
  });

  it("gives each non-baseline column its delta against the baseline, and none to the baseline", () => {
    const [cand, base] = summarizeColumns({ columns, groups, stored: false });
    expect(cand!.delta!.passRate).toBeCloseTo(0.25);
    expect(cand!.delta!.meanScore).toBeCloseTo(0.8 - 0.5);
    expect(base!.delta).toBeNull();
  });

  it("has no deltas without a baseline and no rates before a row is scored", () => {
    const [only] = summarizeColumns({
      columns: [{ id: "cand", role: "candidate", passRate: null, meanScore: null }],
      groups: [group({ columnId: "cand", status: "pending", count: 5 })],
      stored: false,
    });
    expect(only).toMatchObject({ passRate: null, meanScore: null, delta: null, pending: 5, meanLatencyMs: null });
  });

  it("uses the stored numbers once the run finished, and computes them while it runs", () => {
    const stored = [
      { id: "cand", role: "candidate", passRate: 0.5, meanScore: 0.4 },
      { id: "base", role: "baseline", passRate: 0.25, meanScore: 0.1 },
    ];
    const [cand] = summarizeColumns({ columns: stored, groups, stored: true });
    expect(cand).toMatchObject({ passRate: 0.5, meanScore: 0.4 });
    expect(cand!.delta!.passRate).toBeCloseTo(0.25);
    expect(summarizeColumns({ columns: stored, groups, stored: false })[0]!.passRate).toBe(0.75);
  });
});

describe("estimateEta", () => {
  const now = new Date("2026-11-26T12:00:10Z");
  const finishes = (n: number, everyMs: number) =>
    Array.from({ length: n }, (_, i) => new Date(now.getTime() - (i + 1) * everyMs));

  it("projects the remaining rows at the recent pace", () => {
    expect(estimateEta({ recentFinishes: finishes(10, 100), remaining: 50, now })).toBe(5000);
  });

  it("reads only the latest rows, so a slow start stops counting", () => {
    const slowStart = Array.from({ length: 100 }, (_, i) => new Date(now.getTime() - 600_000 - i * 10_000));
    expect(estimateEta({ recentFinishes: [...finishes(50, 100), ...slowStart], remaining: 10, now })).toBe(1000);
  });

  it("grows while a run stalls", () => {
    const rows = finishes(10, 100);
    const later = new Date(now.getTime() + 9000);
    expect(estimateEta({ recentFinishes: rows, remaining: 50, now: later })!).toBeGreaterThan(
      estimateEta({ recentFinishes: rows, remaining: 50, now })!,
    );
  });

  it("has no estimate before two rows finished, and zero when nothing remains", () => {
    expect(estimateEta({ recentFinishes: finishes(1, 100), remaining: 5, now })).toBeNull();
    expect(estimateEta({ recentFinishes: [], remaining: 5, now })).toBeNull();
    expect(estimateEta({ recentFinishes: [], remaining: 0, now })).toBe(0);
  });
});

describe("bucketLatencies", () => {
  // How the database counts a row into the layout (read-run-charts.ts).
  const count = (latencies: number[], opts: { maxBuckets?: number } = {}) => {
    const { layout, buckets } = bucketLatencies({
      minMs: Math.min(...latencies),
      maxMs: Math.max(...latencies),
      columnIds: ["a", "b"],
      ...opts,
    });
    for (const ms of latencies)
      buckets[Math.min(Math.floor((ms - layout.startMs) / layout.widthMs), layout.count - 1)]!.counts.a! += 1;
    return buckets;
  };

  it("lays round buckets from below the fastest row to past the slowest, every row in one", () => {
    const buckets = count([120, 180, 950, 130], { maxBuckets: 10 });
    expect(buckets[0]!.fromMs).toBe(100);
    const width = buckets[0]!.toMs - buckets[0]!.fromMs;
    expect([1, 2, 5].some((s) => width / 10 ** Math.floor(Math.log10(width)) === s)).toBe(true);
    expect(buckets.length).toBeLessThanOrEqual(11);
    expect(buckets.at(-1)!.toMs).toBeGreaterThan(950);
    expect(buckets.reduce((n, b) => n + b.counts.a!, 0)).toBe(4);
    // Every column starts at 0 in every bucket, so a column with no rows still charts.
    expect(buckets.every((b) => b.counts.b === 0)).toBe(true);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.fromMs).toBe(buckets[i - 1]!.toMs);
  });

  it("gives equal latencies one bucket", () => {
    const same = count([40, 40]);
    expect(same).toHaveLength(1);
    expect(same[0]).toMatchObject({ fromMs: 40, toMs: 41, counts: { a: 2 } });
  });

  it("stays within the bucket limit for a wide spread", () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => 3 + i * 97);
    const buckets = count(latencies, { maxBuckets: 12 });
    expect(buckets.length).toBeLessThanOrEqual(13);
    expect(buckets.reduce((n, b) => n + b.counts.a!, 0)).toBe(1000);
  });
});
