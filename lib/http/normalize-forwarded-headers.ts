import type { IncomingHttpHeaders } from "node:http";
import ipaddr from "ipaddr.js";

import { log } from "@/lib/log";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/get-client-address";

let warned = false;

const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
] as const;

/** A bare IP from "1.2.3.4", "1.2.3.4:567", "[::1]:80" or "::ffff:1.2.3.4" (as IPv4), or null. */
function parseAddress(raw: string | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  return ipaddr.isValid(value) ? ipaddr.process(value).toString() : null;
}

/** The entry `hops` from the right of a comma list (what the outermost trusted proxy saw), or the leftmost. */
function entryAt(header: string | string[] | undefined, hops: number): string | undefined {
  const list = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list[Math.max(0, list.length - hops)] : undefined;
}

/**
 * Makes X-Forwarded-* mean what they say before Next, next-auth and our handlers read them. With no
 * trusted proxy they are deleted (Next then fills them from the socket and Host), because any client
 * can send them: otherwise a forged X-Forwarded-Host would shape invite links and sign-in URLs, and
 * a forged X-Forwarded-For would dodge the sign-in throttle. With `trustedHops` proxies, each value
 * is reduced to the one the outermost trusted proxy saw. Mutates `headers`.
 */
export function normalizeForwardedHeaders(opts: {
  headers: IncomingHttpHeaders;
  socketAddress: string | undefined;
  trustedHops: number;
}): void {
  const { headers, trustedHops } = opts;
  const socket = parseAddress(opts.socketAddress) ?? "unknown";
  if (trustedHops <= 0) {
    if (!warned && FORWARDED.some((name) => headers[name] !== undefined)) {
      warned = true;
      log.warn(
        "Ignoring X-Forwarded-* headers: set GALLEY_TRUST_PROXY if Galley runs behind a reverse proxy (see README, Configuration).",
      );
    }
    for (const name of FORWARDED) delete headers[name];
    headers[CLIENT_ADDRESS_HEADER] = socket;
    return;
  }
  headers[CLIENT_ADDRESS_HEADER] = parseAddress(entryAt(headers["x-forwarded-for"], trustedHops)) ?? socket;
  for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"] as const) {
    const value = entryAt(headers[name], trustedHops);
    if (value) headers[name] = value;
    else delete headers[name];
  }
  if (headers["x-forwarded-for"]) headers["x-forwarded-for"] = headers[CLIENT_ADDRESS_HEADER];
}
