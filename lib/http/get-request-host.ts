import { getEnv } from "@/lib/env";

/**
 * The host and protocol a request was sent to. X-Forwarded-Host/-Proto count only when proxies are
 * trusted (GALLEY_TRUST_PROXY): any client can send them, and a forged host would otherwise
 * shape invite links or pass the cross-site check.
 */
export function getRequestHost(opts: { headers: Headers; trustedHops?: number }): {
  host: string | null;
  proto: string;
} {
  const trusted = (opts.trustedHops ?? getEnv().GALLEY_TRUST_PROXY) > 0;
  const first = (name: string) => opts.headers.get(name)?.split(",")[0]?.trim() || null;
  const host = (trusted ? first("x-forwarded-host") : null) ?? opts.headers.get("host");
  const proto = (trusted ? first("x-forwarded-proto") : null) ?? "http";
  return { host, proto: proto === "https" ? "https" : "http" };
}
