import crypto from "node:crypto";

/**
 * The signature receivers check: HMAC-SHA256, keyed with the webhook's secret, over
 * `${timestamp}.${body}` (timestamp in Unix seconds, body as sent), hex, sent as
 * `Galley-Signature: v1=<hex>` next to `Galley-Timestamp: <timestamp>`.
 */
export function signWebhook(opts: { secret: string; timestamp: number; body: string }): string {
  return `v1=${crypto.createHmac("sha256", opts.secret).update(`${opts.timestamp}.${opts.body}`).digest("hex")}`;
}

/** For receivers (and tests): checks a signature in constant time and refuses timestamps older than `toleranceSeconds`. */
export function verifyWebhookSignature(opts: {
  secret: string;
  timestamp: number;
  body: string;
  signature: string;
  toleranceSeconds?: number;
  now?: number;
}): boolean {
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - opts.timestamp) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(opts));
  const given = Buffer.from(opts.signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
