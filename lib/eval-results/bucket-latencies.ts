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

// Bucket widths people read at a glance: 1, 2, 5 × a power of ten.
function niceWidth(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 5, 10]) if (step * power >= raw) return step * power;
  return 10 * power;
}

/**
 * A histogram of latencies per column: at most `maxBuckets` + 1 buckets of one round width from a
 * round number below the fastest row to past the slowest. Columns without latencies count 0 in
 * every bucket; no latency at all gives no buckets.
 */
export function bucketLatencies(opts: {
  latencies: Array<{ columnId: string; latencyMs: number }>;
  columnIds: string[];
  maxBuckets?: number;
}): LatencyBucket[] {
  const maxBuckets = opts.maxBuckets ?? 12;
  if (opts.latencies.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const { latencyMs } of opts.latencies) {
    if (latencyMs < min) min = latencyMs;
    if (latencyMs > max) max = latencyMs;
  }
  const width = niceWidth(Math.max((max - min) / maxBuckets, 1));
  const start = Math.floor(min / width) * width;
  const count = Math.min(Math.floor((max - start) / width) + 1, maxBuckets + 1);
  const buckets: LatencyBucket[] = Array.from({ length: count }, (_, i) => ({
    fromMs: start + i * width,
    toMs: start + (i + 1) * width,
    counts: Object.fromEntries(opts.columnIds.map((id) => [id, 0])),
  }));
  for (const { columnId, latencyMs } of opts.latencies) {
    const bucket = buckets[Math.min(Math.floor((latencyMs - start) / width), count - 1)]!;
    bucket.counts[columnId] = (bucket.counts[columnId] ?? 0) + 1;
  }
  return buckets;
}
