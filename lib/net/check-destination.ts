// The outbound destination policy: may Galley open a connection to this address (reached by this host name)?
import ipaddr from "ipaddr.js";

import { parseOutboundRules, type OutboundRule } from "@/lib/net/parse-outbound-rules";

/**
 * Denied unless allowed explicitly: the link-local range, where every large cloud serves instance
 * metadata and credentials (169.254.169.254, and AWS's IPv6 fd00:ec2::254). Loopback and private
 * ranges stay allowed because local models (Ollama, LM Studio, vLLM on the LAN) are a real use.
 */
export const BUILT_IN_DENY: OutboundRule[] = parseOutboundRules("169.254.0.0/16, fd00:ec2::254");

/** The operator's lists (GALLEY_OUTBOUND_ALLOW / GALLEY_OUTBOUND_DENY), parsed. */
export type OutboundPolicy = { allow: OutboundRule[]; deny: OutboundRule[] };

export type DestinationVerdict =
  | { allowed: true }
  | { allowed: false; rule: string; source: "GALLEY_OUTBOUND_DENY" | "built-in" | "unreadable"; byHost: boolean };

type Candidate = {
  rule: OutboundRule & { kind: "range" };
  deny: boolean;
  source: "GALLEY_OUTBOUND_DENY" | "GALLEY_OUTBOUND_ALLOW" | "built-in";
  rank: number;
};

/**
 * Decides one connection. Host-name entries match the name in the URL and come first (deny before
 * allow; `*.corp.example` means the subdomains, not corp.example itself). Then the address: the most specific matching range wins (10.1.2.3 in ALLOW beats
 * 10.0.0.0/8 in DENY); at equal length GALLEY_OUTBOUND_DENY beats GALLEY_OUTBOUND_ALLOW, which beats
 * the built-in denials (so ALLOW=169.254.169.254 re-opens the metadata address for whoever needs it).
 * IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses are judged as the IPv4
 * address they carry too, so no IPv6 spelling slips past an IPv4 rule. Unreadable addresses are denied.
 */
export function checkDestination(opts: { host: string; address: string; policy: OutboundPolicy }): DestinationVerdict {
  const host = opts.host
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  const byHost = (rules: OutboundRule[]) =>
    rules.find((r) => r.kind === "host" && (r.subdomains ? host.endsWith(`.${r.host}`) : host === r.host));
  const deniedHost = byHost(opts.policy.deny);
  if (deniedHost) return { allowed: false, rule: deniedHost.text, source: "GALLEY_OUTBOUND_DENY", byHost: true };
  if (byHost(opts.policy.allow)) return { allowed: true };

  if (!ipaddr.isValid(opts.address)) return { allowed: false, rule: opts.address, source: "unreadable", byHost: false };
  for (const address of formsOf(ipaddr.parse(opts.address))) {
    const verdict = decide(address, opts.policy);
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}

function formsOf(address: ipaddr.IPv4 | ipaddr.IPv6): Array<ipaddr.IPv4 | ipaddr.IPv6> {
  if (address.kind() === "ipv4") return [address];
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return [v6.toIPv4Address()];
  if (v6.range() === "rfc6052") return [v6, ipaddr.fromByteArray(v6.toByteArray().slice(12))];
  return [v6];
}

function decide(address: ipaddr.IPv4 | ipaddr.IPv6, policy: OutboundPolicy): DestinationVerdict {
  const candidates: Candidate[] = [];
  const add = (rules: OutboundRule[], deny: boolean, source: Candidate["source"], rank: number) => {
    for (const rule of rules)
      if (rule.kind === "range" && rule.range[0].kind() === address.kind() && address.match(rule.range))
        candidates.push({ rule, deny, source, rank });
  };
  add(policy.deny, true, "GALLEY_OUTBOUND_DENY", 3);
  add(policy.allow, false, "GALLEY_OUTBOUND_ALLOW", 2);
  add(BUILT_IN_DENY, true, "built-in", 1);
  const winner = candidates.sort((a, b) => b.rule.range[1] - a.rule.range[1] || b.rank - a.rank)[0];
  if (!winner?.deny) return { allowed: true };
  return {
    allowed: false,
    rule: winner.rule.text,
    source: winner.source as "GALLEY_OUTBOUND_DENY" | "built-in",
    byHost: false,
  };
}
