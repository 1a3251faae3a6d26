"use client";

import dynamic from "next/dynamic";

import { formatMs } from "@/components/evals/runs/format";
import type { RunCharts as Charts } from "@/lib/eval-results/read-run-charts";

// Recharts is most of this page's JavaScript; the charts sit below the summary cards, so they load
// after the first paint, into boxes of their final height (nothing moves when they arrive).
const RunBarChart = dynamic(() => import("@/components/evals/runs/run-bar-chart").then((m) => m.RunBarChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-full rounded bg-subtle/50" />,
});

/** Pass rate per evaluator per column, and the latency histogram; fixed heights so polling never moves the page. */
export function RunCharts({ charts, columns }: { charts: Charts; columns: Array<{ id: string; label: string }> }) {
  const passRates = charts.evaluatorPassRates.map((e) => ({
    name: e.name,
    ...Object.fromEntries(columns.map((c) => [c.label, e.byColumn[c.id] ?? 0])),
  }));
  const latency = charts.latency.map((b) => ({
    name: `${formatMs(b.fromMs)}–${formatMs(b.toMs)}`,
    ...Object.fromEntries(columns.map((c) => [c.label, b.counts[c.id] ?? 0])),
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure className="rounded-lg border border-line bg-surface p-4">
        <figcaption className="mb-2 text-sm font-medium">Pass rate per evaluator</figcaption>
        <div className="h-64" data-testid="chart-pass-rates">
          {passRates.length ? (
            <RunBarChart data={passRates} columns={columns} values="rate" />
          ) : (
            <p className="text-muted">No row scored yet.</p>
          )}
        </div>
      </figure>
      <figure className="rounded-lg border border-line bg-surface p-4">
        <figcaption className="mb-2 text-sm font-medium">Latency distribution (rows per bucket)</figcaption>
        <div className="h-64" data-testid="chart-latency">
          {latency.length ? (
            <RunBarChart data={latency} columns={columns} values="count" />
          ) : (
            <p className="text-muted">No row answered yet.</p>
          )}
        </div>
      </figure>
    </div>
  );
}
