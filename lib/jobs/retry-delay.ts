export type RetryDelayOptions = {
  /** Attempts made so far, this failed one included (1 after the first failure). */
  attempts: number;
  /** The first retry's delay; each further one doubles it. */
  baseMs: number;
  maxMs: number;
  /** What the server asked for (parseRetryAfter), which wins over our own schedule, within maxMs. */
  retryAfterMs?: number | null;
  /** 0–1; a random source, so tests can fix it. */
  random?: () => number;
};

/**
 * How long to wait before the next attempt: the server's Retry-After when it gave one, otherwise
 * exponential backoff (base × 2^(attempts − 1), capped) with up to 20 % jitter taken off, so
 * workers that failed together do not all come back in the same millisecond.
 */
export function retryDelay(opts: RetryDelayOptions): number {
  if (opts.retryAfterMs !== undefined && opts.retryAfterMs !== null)
    return Math.min(opts.maxMs, Math.max(0, opts.retryAfterMs));
  const exponential = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, opts.attempts - 1));
  const jitter = (opts.random ?? Math.random)() * 0.2;
  return Math.round(exponential * (1 - jitter));
}
