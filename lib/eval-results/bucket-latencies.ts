// The latency chart: one set of buckets shared by every column, so bars of the candidate and the
// baseline over the same range stand side by side and compare.

export type LatencyBucket = {
  /** Inclusive lower bound in ms. */
  fromMs: number;
  /** Exclusive upper bound in ms (the last bucket includes it). */
  toMs: number;
  /** Rows per column id. */
  counts: Record<string, number>;
};

export type LatencyLayout = { startMs: number; widthMs: number; count: number };

// Bucket widths people read at a glance: 1, 2, 5 × a power of ten.
function niceWidth(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/**
 * A histogram's buckets for latencies from `minMs` to `maxMs`: at most `maxBuckets` + 1 buckets of
 * one round width from a round number at or below the fastest row to past the slowest. The database
 * counts rows into them (bucket = min(floor((latency − start) / width), count − 1)); `counts` are
 * filled from what it returns, 0 where a column has no row.
 */
export function bucketLatencies(opts: { minMs: number; maxMs: number; columnIds: string[]; maxBuckets?: number }): {
  layout: LatencyLayout;
  buckets: LatencyBucket[];
} {
  const maxBuckets = opts.maxBuckets ?? 12;
  const widthMs = niceWidth(Math.max((opts.maxMs - opts.minMs) / maxBuckets, 1));
  const startMs = Math.floor(opts.minMs / widthMs) * widthMs;
  const count = Math.min(Math.floor((opts.maxMs - startMs) / widthMs) + 1, maxBuckets + 1);
  return {
    layout: { startMs, widthMs, count },
    buckets: Array.from({ length: count }, (_, i) => ({
      fromMs: startMs + i * widthMs,
      toMs: startMs + (i + 1) * widthMs,
      counts: Object.fromEntries(opts.columnIds.map((id) => [id, 0])),
    })),
  };
}
