import { formatCost, formatDelta, formatMs, formatPercent, formatScore } from "@/components/evals/runs/format";
import type { ColumnSummary } from "@/lib/eval-results/summarize-columns";

const deltaTone = (delta: number | null | undefined) =>
  delta === null || delta === undefined || Math.abs(delta) < 0.0005
    ? "text-muted"
    : delta > 0
      ? "text-success"
      : "text-danger";

/** One card per column: pass rate and mean score with their deltas against the baseline, errors, latency, cost. */
export function ColumnCards({
  columns,
}: {
  columns: Array<{ id: string; label: string; role: string; summary: ColumnSummary }>;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="column-cards">
      {columns.map((c) => (
        <section key={c.id} aria-label={c.label} className="rounded-lg border border-line bg-surface p-4">
          <h2 className="flex items-baseline justify-between gap-2 text-sm font-medium">
            {c.label}
            <span className="text-xs font-normal text-muted">{c.role}</span>
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-2 tabular-nums">
            <div>
              <dt className="text-xs text-muted">Pass rate</dt>
              <dd className="text-lg font-semibold">
                {formatPercent(c.summary.passRate)}{" "}
                <span className={`text-xs font-normal ${deltaTone(c.summary.delta?.passRate)}`}>
                  {formatDelta(c.summary.delta?.passRate)}
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-xs text-muted">Mean score</dt>
              <dd className="text-lg font-semibold">
                {formatScore(c.summary.meanScore)}{" "}
                <span className={`text-xs font-normal ${deltaTone(c.summary.delta?.meanScore)}`}>
                  {c.summary.delta?.meanScore === null || c.summary.delta?.meanScore === undefined
                    ? ""
                    : `${c.summary.delta.meanScore >= 0 ? "+" : "−"}${Math.abs(c.summary.delta.meanScore).toFixed(2)}`}
                </span>
              </dd>
            </div>
            <div className="col-span-2 text-xs text-muted">
              {c.summary.passed}/{c.summary.scored} passed · {c.summary.errors} errors · {c.summary.pending} pending
              {c.summary.skipped ? ` · ${c.summary.skipped} not run` : ""} · {formatMs(c.summary.meanLatencyMs)} mean ·{" "}
              {formatCost(c.summary.costUsd)}
            </div>
          </dl>
        </section>
      ))}
    </div>
  );
}
