// The error a refused outbound connection raises, worded for the person who has to change the configuration.
import type { DestinationVerdict } from "@/lib/net/check-destination";

export const OUTBOUND_DENIED = "GALLEY_OUTBOUND_DENIED";

export class OutboundDeniedError extends Error {
  readonly code = OUTBOUND_DENIED;

  constructor(opts: { host: string; address: string; verdict: Extract<DestinationVerdict, { allowed: false }> }) {
    const { host, address, verdict } = opts;
    const what = verdict.byHost
      ? `${host} is a host name the outbound policy denies`
      : host === address
        ? `${address} is an address the outbound policy denies`
        : `${host} resolves to ${address}, which the outbound policy denies`;
    const why = {
      GALLEY_OUTBOUND_DENY: `it matches ${verdict.rule} in GALLEY_OUTBOUND_DENY on the server`,
      "built-in": `cloud metadata range ${verdict.rule}; set GALLEY_OUTBOUND_ALLOW=${address} on the server if Galley must reach it`,
      unreadable: "the address could not be read",
    }[verdict.source];
    super(`${what} (${why}).`);
    this.name = "OutboundDeniedError";
  }
}

/**
 * The denial behind a failed request, if that is why it failed: fetch wraps connection errors
 * ("fetch failed"), and the openai SDK wraps those again, so it is looked for along `cause`.
 * Matched by code, not class, because the server may load two copies of this module (custom
 * server and Next bundle).
 */
export function findOutboundDenial(error: unknown): Error | null {
  for (let e = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === OUTBOUND_DENIED) return e as Error;
  }
  return null;
}
