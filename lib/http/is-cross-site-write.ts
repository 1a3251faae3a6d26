import type { NextRequest } from "next/server";

import { getEnv } from "@/lib/env";
import { getRequestHost } from "@/lib/http/get-request-host";

/**
 * Browsers always send Origin on cross-site writes; refuse those that name another host than the
 * request's (or the configured public URL's, for proxies that rewrite Host).
 */
export function isCrossSiteWrite(req: NextRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const { host } = getRequestHost({ headers: req.headers });
  const configured = getEnv().NEXTAUTH_URL;
  try {
    const from = new URL(origin).host;
    return from !== host && (!configured || from !== new URL(configured).host);
  } catch {
    return true;
  }
}
