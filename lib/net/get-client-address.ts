// Inbound addresses live beside the outbound policy in lib/net, below lib/auth (the sign-in throttle
// reads them) and lib/http (which sets the header in server.ts and wraps routes on top of lib/auth).
/**
 * The client's address as server.ts determined it. Set on every request that reaches Next (any
 * value the client sent is overwritten), so code behind it never parses X-Forwarded-For itself.
 */
export const CLIENT_ADDRESS_HEADER = "x-galley-client-address";

/**
 * The client address server.ts put on the request (the socket's, or X-Forwarded-For's when proxies
 * are trusted). "unknown" when absent: everything without one then shares one throttle, which
 * errs on the side of throttling.
 */
export function getClientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const address = Array.isArray(value) ? value[0] : value;
  return address?.trim() || "unknown";
}
