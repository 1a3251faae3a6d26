"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMs, formatPercent } from "@/components/evals/runs/format";
import type { RunCharts as Charts } from "@/lib/eval-results/read-run-charts";

// Column colours from the theme's variables, so both charts follow light and dark mode.
const palette = ["var(--accent)", "var(--muted)", "var(--success)", "var(--danger)", "var(--ink)"];
const axis = { fontSize: 12, fill: "var(--muted)" };
const tooltip = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--line)", color: "var(--ink)", fontSize: 12 },
  cursor: { fill: "var(--subtle)" },
};

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
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={passRates}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
                <XAxis dataKey="name" tick={axis} />
                <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v)} tick={axis} width={56} />
                <Tooltip formatter={(v) => formatPercent(Number(v))} {...tooltip} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {columns.map((c, i) => (
                  <Bar key={c.id} dataKey={c.label} fill={palette[i % palette.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <p className="text-muted">No row scored yet.</p>
          )}
        </div>
      </figure>
      <figure className="rounded-lg border border-line bg-surface p-4">
        <figcaption className="mb-2 text-sm font-medium">Latency distribution (rows per bucket)</figcaption>
        <div className="h-64" data-testid="chart-latency">
          {latency.length ? (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={latency}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
                <XAxis dataKey="name" tick={axis} />
                <YAxis allowDecimals={false} tick={axis} width={40} />
                <Tooltip {...tooltip} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {columns.map((c, i) => (
                  <Bar key={c.id} dataKey={c.label} fill={palette[i % palette.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          ) : (
            <p className="text-muted">No row answered yet.</p>
          )}
        </div>
      </figure>
    </div>
  );
}
