// Numbers on the run pages, written one way everywhere (cards, list, matrix, charts).

export const formatPercent = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : `${(value * 100).toFixed(1)}%`;

/** A signed difference in percentage points ("+4.2 pp"); "±0" when equal. */
export function formatDelta(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const points = value * 100;
  if (Math.abs(points) < 0.05) return "±0 pp";
  return `${points > 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} pp`;
}

export const formatScore = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : value.toFixed(2);

export const formatCost = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : `$${value < 0.01 && value > 0 ? value.toFixed(5) : value.toFixed(2)}`;

export const formatMs = (value: number | null | undefined) =>
  value === null || value === undefined
    ? "–"
    : value >= 1000
      ? `${(value / 1000).toFixed(1)} s`
      : `${Math.round(value)} ms`;

/** "about 3 min" for an ETA; seconds under a minute. */
export function formatEta(ms: number | null): string {
  if (ms === null) return "estimating…";
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `about ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min`;
  return `about ${(minutes / 60).toFixed(1)} h`;
}
