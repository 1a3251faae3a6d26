import { getEnv } from "@/lib/env";
import { getRequestHost } from "@/lib/http/get-request-host";

/**
 * Whether an Origin header names this Galley: the request's own host (X-Forwarded-Host only from
 * trusted proxies), or the configured public URL's, for proxies that rewrite Host.
 */
export function isAllowedOrigin(opts: { origin: string; headers: Headers }): boolean {
  const { host } = getRequestHost({ headers: opts.headers });
  const configured = getEnv().NEXTAUTH_URL;
  try {
    const from = new URL(opts.origin).host;
    return from === host || (configured !== undefined && from === new URL(configured).host);
  } catch {
    return false;
  }
}
