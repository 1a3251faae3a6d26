// How long a running eval run still needs, from how fast rows finished lately: the whole run's
// average would be skewed by a slow start (a cold model, a burst of 429s) long after it recovered.

/** How many of the latest finished rows set the pace. */
export const ETA_SAMPLE = 50;

/**
 * Milliseconds until the remaining rows are done at the recent rate, or null when there is no rate
 * yet (fewer than two rows finished). The rate is measured up to `now`, not to the last finish, so
 * a run that stalled (provider down, every row waiting on a retry) shows a growing estimate instead
 * of a frozen one.
 */
export function estimateEta(opts: { recentFinishes: Date[]; remaining: number; now: Date }): number | null {
  if (opts.remaining <= 0) return 0;
  const times = opts.recentFinishes
    .map((d) => d.getTime())
    .sort((a, b) => b - a)
    .slice(0, ETA_SAMPLE);
  if (times.length < 2) return null;
  const oldest = times[times.length - 1]!;
  const perRow = Math.max(opts.now.getTime() - oldest, 1) / times.length;
  return Math.round(perRow * opts.remaining);
}
