import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

type Bucket = { tokens: number; at: number };
const stateKey = Symbol.for("galley.rate-limit");
const buckets: Map<string, Bucket> = ((globalThis as { [stateKey]?: Map<string, Bucket> })[stateKey] ??= new Map());

/**
 * A token bucket per API key, per instance: GALLEY_API_RATE_LIMIT requests a second on average, in
 * bursts of up to twice that. Answers how long to wait when the bucket is empty.
 */
export function takeToken(
  keyId: string,
  now = performance.now(),
): { ok: true } | { ok: false; retryAfterSeconds: number } {
  const rate = getEnv().GALLEY_API_RATE_LIMIT;
  const burst = rate * 2;
  let bucket = buckets.get(keyId);
  if (!bucket) buckets.set(keyId, (bucket = { tokens: burst, at: now }));
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rate);
  bucket.at = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { ok: true };
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)) };
}

/** Takes a token for the key or throws 429 with Retry-After. */
export function takeTokenOrThrow(key: { id: string; prefix: string }) {
  const token = takeToken(key.id);
  if (!token.ok)
    throw new AppError({
      code: "rate_limited",
      message: `Too many requests with API key ${key.prefix}…; retry in ${token.retryAfterSeconds} s.`,
      headers: { "retry-after": String(token.retryAfterSeconds) },
    });
}
