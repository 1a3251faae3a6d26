import { getEnv } from "@/lib/env";

/**
 * The origin people use to reach this Galley, for links we hand out (invites): NEXTAUTH_URL when
 * set, otherwise the Host (or X-Forwarded-Host behind a proxy) of the request.
 */
export function publicOrigin(headers: Headers): string {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
