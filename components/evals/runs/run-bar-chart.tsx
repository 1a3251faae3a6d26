"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatPercent } from "@/components/evals/runs/format";

// Column colours from the theme's variables, so both charts follow light and dark mode.
const palette = ["var(--accent)", "var(--muted)", "var(--success)", "var(--danger)", "var(--ink)"];
const axis = { fontSize: 12, fill: "var(--muted)" };
const tooltip = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--line)", color: "var(--ink)", fontSize: 12 },
  cursor: { fill: "var(--subtle)" },
};

/**
 * One bar chart of a run page, one bar per column: pass rates (0–1, as percentages) or counts.
 * Recharts (about 110 KB gzip) is loaded with this module, after the page's first paint (see RunCharts).
 */
export function RunBarChart({
  data,
  columns,
  values,
}: {
  data: Array<Record<string, string | number>>;
  columns: Array<{ id: string; label: string }>;
  values: "rate" | "count";
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
        <XAxis dataKey="name" tick={axis} />
        {values === "rate" ? (
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v)} tick={axis} width={56} />
        ) : (
          <YAxis allowDecimals={false} tick={axis} width={40} />
        )}
        {values === "rate" ? (
          <Tooltip formatter={(v) => formatPercent(Number(v))} {...tooltip} />
        ) : (
          <Tooltip {...tooltip} />
        )}
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {columns.map((c, i) => (
          <Bar key={c.id} dataKey={c.label} fill={palette[i % palette.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
