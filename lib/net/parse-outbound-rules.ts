// The entries of GALLEY_OUTBOUND_ALLOW / GALLEY_OUTBOUND_DENY: addresses, CIDR ranges and host names.
import ipaddr from "ipaddr.js";

/** One entry of an allow or deny list: an address range (a single address is a /32 or /128) or a host name. */
export type OutboundRule =
  | { kind: "range"; text: string; range: [ipaddr.IPv4 | ipaddr.IPv6, number] }
  | { kind: "host"; text: string; host: string; subdomains: boolean };

const hostLabel = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Parses a comma-separated list such as `10.0.0.0/8, fd00::/8, 169.254.169.254, ollama.lan, *.corp.example`.
 * `*` alone stands for every address (both families), to build an allow-list-only policy. Throws an
 * Error naming the first entry it cannot read (lib/env.ts shows it at start-up).
 */
export function parseOutboundRules(text: string | undefined): OutboundRule[] {
  const rules: OutboundRule[] = [];
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") {
      rules.push(
        { kind: "range", text: "*", range: ipaddr.parseCIDR("0.0.0.0/0") },
        { kind: "range", text: "*", range: ipaddr.parseCIDR("::/0") },
      );
      continue;
    }
    const range = toRange(entry);
    if (range) {
      rules.push({ kind: "range", text: entry, range });
      continue;
    }
    const subdomains = entry.startsWith("*.");
    const host = (subdomains ? entry.slice(2) : entry).replace(/\.$/, "");
    if (host.split(".").every((label) => hostLabel.test(label)) && !/^[0-9.]+$/.test(host)) {
      rules.push({ kind: "host", text: entry, host, subdomains });
      continue;
    }
    throw new Error(`"${raw.trim()}" is neither an address, a CIDR range (10.0.0.0/8) nor a host name`);
  }
  return rules;
}

function toRange(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  const [address, prefix, ...rest] = entry.split("/");
  if (rest.length || !address) return null;
  // Only dotted quads: ipaddr.js also reads "127.1" or "0x7f.1", which nobody means in a config file.
  const isV4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!isV4 && !ipaddr.IPv6.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  const bits = prefix === undefined ? (isV4 ? 32 : 128) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= (isV4 ? 32 : 128))) return null;
  // Addresses are compared in their IPv4 form when they are IPv4-mapped (::ffff:a.b.c.d), so a
  // mapped range is stored as the IPv4 range it covers.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96)
    return [(parsed as ipaddr.IPv6).toIPv4Address(), bits - 96];
  return [parsed, bits];
}
