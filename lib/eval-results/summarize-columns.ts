// A column's aggregate: while a run is going it is computed from the results committed so far; once
// the run finished the engine's stored pass rate and mean score are the record (results never change
// after that, and the stored numbers are what gates and reviews quoted).

/** Results of one column grouped by status and verdict, as one GROUP BY returns them. */
export type ResultGroup = {
  columnId: string;
  /** pending, done, error, cancelled (not run: its run was cancelled or failed) */
  status: string;
  pass: boolean | null;
  count: number;
  scoreSum: number;
  /** How many of the group have a score (a done result should; an error has none). */
  scoreCount: number;
  latencySum: number;
  latencyCount: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
};

export type SummaryColumn = {
  id: string;
  role: string;
  passRate: number | null;
  meanScore: number | null;
};

export type ColumnSummary = {
  columnId: string;
  /** Passed rows over scored rows (0–1); null before any row is scored. */
  passRate: number | null;
  /** Mean weighted score over scored rows (0–1). */
  meanScore: number | null;
  scored: number;
  passed: number;
  /** Rows whose call or evaluator failed for good: no verdict. */
  errors: number;
  pending: number;
  /** Rows not run because the run was cancelled or failed. */
  skipped: number;
  meanLatencyMs: number | null;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  /** This column minus the baseline column; null for the baseline itself or with no baseline. */
  delta: { passRate: number | null; meanScore: number | null } | null;
};

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/**
 * Each column's pass rate, mean score, counts, latency, tokens and cost, with its delta against the
 * run's baseline column (the first column whose role is "baseline"). `stored` says whether the
 * columns' own passRate / meanScore are final (the run finished) and win over the computed ones.
 */
export function summarizeColumns(opts: {
  columns: SummaryColumn[];
  groups: ResultGroup[];
  stored: boolean;
}): ColumnSummary[] {
  const summaries = opts.columns.map((column): ColumnSummary => {
    const groups = opts.groups.filter((g) => g.columnId === column.id);
    const sum = (pick: (g: ResultGroup) => number, where: (g: ResultGroup) => boolean = () => true) =>
      groups.filter(where).reduce((total, g) => total + pick(g), 0);
    const countOf = (status: string) =>
      sum(
        (g) => g.count,
        (g) => g.status === status,
      );
    const isScored = (g: ResultGroup) => g.status === "done" && g.pass !== null;
    const scored = sum((g) => g.count, isScored);
    const passed = sum(
      (g) => g.count,
      (g) => isScored(g) && g.pass === true,
    );
    const scoreCount = sum((g) => g.scoreCount, isScored);
    const latencyCount = sum((g) => g.latencyCount);
    const computed = {
      passRate: scored ? passed / scored : null,
      meanScore: scoreCount ? sum((g) => g.scoreSum, isScored) / scoreCount : null,
    };
    const final =
      opts.stored && column.passRate !== null ? { passRate: column.passRate, meanScore: column.meanScore } : null;
    return {
      columnId: column.id,
      ...(final ?? computed),
      scored,
      passed,
      errors: countOf("error"),
      pending: countOf("pending"),
      skipped: countOf("cancelled"),
      meanLatencyMs: latencyCount ? sum((g) => g.latencySum) / latencyCount : null,
      costUsd: sum((g) => g.costUsd),
      inputTokens: sum((g) => g.inputTokens),
      outputTokens: sum((g) => g.outputTokens),
      delta: null,
    };
  });
  const baselineIndex = opts.columns.findIndex((c) => c.role === "baseline");
  const baseline = summaries[baselineIndex];
  if (!baseline) return summaries;
  return summaries.map((s, i) =>
    i === baselineIndex
      ? s
      : {
          ...s,
          delta: { passRate: minus(s.passRate, baseline.passRate), meanScore: minus(s.meanScore, baseline.meanScore) },
        },
  );
}
