"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { armColor } from "@/components/ui/arm-colors";
import type { UsagePoint } from "@/lib/release-outcomes/read-release-outcomes";

const axis = { fontSize: 12, fill: "var(--muted)" };
const tooltip = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--line)", color: "var(--ink)", fontSize: 12 },
};
const clock = (at: string | number) =>
  new Date(at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/**
 * Requests per arm per bucket, stacked. Recharts (about 110 KB gzip) loads with this module, after
 * the Releases tab's first paint (see ReleaseOutcomes).
 */
export function UsageChart({ points, versions }: { points: UsagePoint[]; versions: number[] }) {
  const data = points.map((p) => ({
    at: new Date(p.at).getTime(),
    ...Object.fromEntries(versions.map((v) => [`v${v}`, p.counts[String(v)] ?? 0])),
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={data}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--line)" />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={clock}
          tick={axis}
        />
        <YAxis allowDecimals={false} tick={axis} width={48} />
        <Tooltip labelFormatter={(at) => clock(at as number)} {...tooltip} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {versions.map((v, i) => (
          <Area
            key={v}
            type="stepAfter"
            dataKey={`v${v}`}
            stackId="requests"
            stroke={armColor(i)}
            fill={armColor(i)}
            fillOpacity={0.35}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
