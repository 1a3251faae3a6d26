import type { NextRequest } from "next/server";

import { isAllowedOrigin } from "@/lib/http/is-allowed-origin";

/**
 * Browsers always send Origin on cross-site writes; refuse those that name another host than the
 * request's (or the configured public URL's, for proxies that rewrite Host).
 */
export function isCrossSiteWrite(req: NextRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  return !isAllowedOrigin({ origin, headers: req.headers });
}
