import type { CiEvalStatus, EvalCriteria } from "@/lib/validations/eval-run";

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export type ColumnStatus = CiEvalStatus["columns"][number];

/**
 * Whether the candidate passes: no row failed to run, its pass rate reaches minPassRate (default
 * 1), and it falls no further than maxRegression below the baseline's. Null until the run ends.
 */
export function evalVerdict(opts: {
  status: CiEvalStatus["status"];
  candidate: ColumnStatus | undefined;
  baseline: ColumnStatus | undefined;
  criteria: EvalCriteria;
}): CiEvalStatus["verdict"] {
  const { candidate, baseline, criteria } = opts;
  if (opts.status === "queued" || opts.status === "running")
    return { pass: null, reasons: ["The run has not finished."] };
  if (opts.status !== "finished")
    return { pass: false, reasons: [`The run ${opts.status === "cancelled" ? "was cancelled" : "failed"}.`] };
  if (!candidate) return { pass: false, reasons: ["The run has no candidate."] };
  const reasons: string[] = [];
  let pass = true;
  if (candidate.errors > 0) {
    pass = false;
    reasons.push(`${candidate.errors} row(s) could not be run; see their errors.`);
  }
  const rate = candidate.passRate ?? 0;
  if (rate < criteria.minPassRate) {
    pass = false;
    reasons.push(`Pass rate ${percent(rate)} is below the minimum ${percent(criteria.minPassRate)}.`);
  } else reasons.push(`Pass rate ${percent(rate)} meets the minimum ${percent(criteria.minPassRate)}.`);
  if (baseline && criteria.maxRegression !== undefined && baseline.passRate !== null) {
    const regression = baseline.passRate - rate;
    if (regression > criteria.maxRegression + 1e-9) {
      pass = false;
      reasons.push(
        `Pass rate fell ${percent(regression)} below ${baseline.label} (${percent(baseline.passRate)}); at most ${percent(criteria.maxRegression)} is allowed.`,
      );
    } else reasons.push(`No regression beyond ${percent(criteria.maxRegression)} against ${baseline.label}.`);
  }
  return { pass, reasons };
}
