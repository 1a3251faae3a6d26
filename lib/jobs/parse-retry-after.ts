/** Headers as fetch (and the openai SDK's errors) carry them, or a plain record. */
type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

const MAX_MS = 24 * 60 * 60_000;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How long a server asked us to wait, in milliseconds, or null when it did not say (or said
 * nonsense). Reads OpenAI's `retry-after-ms` first (finer than seconds), then `Retry-After` as
 * delta-seconds or as an HTTP date (RFC 9110 §10.2.3); a date in the past means "now" (0).
 * Capped at a day, so a broken header cannot park work for years.
 */
export function parseRetryAfter(opts: { headers: HeaderSource | null | undefined; now?: number }): number | null {
  if (!opts.headers) return null;
  const ms = header(opts.headers, "retry-after-ms")?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.min(MAX_MS, Math.round(Number(ms)));
  const value = header(opts.headers, "retry-after")?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.min(MAX_MS, Math.round(Number(value) * 1000));
  // Only a date-like value: Date.parse alone would read "12" or "soon-ish 3" as dates.
  if (!/[a-z]{3}/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.min(MAX_MS, Math.max(0, at - (opts.now ?? Date.now())));
}
