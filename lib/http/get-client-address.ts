import { CLIENT_ADDRESS_HEADER } from "@/lib/http/normalize-forwarded-headers";

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
