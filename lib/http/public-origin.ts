import { getEnv } from "@/lib/env";
import { getRequestHost } from "@/lib/http/get-request-host";

/**
 * The origin people use to reach this Galley, for links we hand out (invites): NEXTAUTH_URL when
 * set, otherwise the request's Host (X-Forwarded-Host/-Proto only from trusted proxies).
 */
export function publicOrigin(headers: Headers): string {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const { host, proto } = getRequestHost({ headers });
  return `${proto}://${host ?? "localhost"}`;
}
