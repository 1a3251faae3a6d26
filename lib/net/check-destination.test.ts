import { describe, expect, it } from "vitest";

import { checkDestination, type OutboundPolicy } from "@/lib/net/check-destination";
import { parseOutboundRules } from "@/lib/net/parse-outbound-rules";

const policy = (allow = "", deny = ""): OutboundPolicy => ({
  allow: parseOutboundRules(allow),
  deny: parseOutboundRules(deny),
});
const allowed = (address: string, p = policy(), host = address) =>
  checkDestination({ host, address, policy: p }).allowed;

describe("checkDestination", () => {
  it("denies cloud metadata addresses by default, in every spelling", () => {
    for (const address of [
      "169.254.169.254",
      "169.254.0.1",
      "169.254.170.2",
      "fd00:ec2::254",
      "::ffff:169.254.169.254",
      "::ffff:a9fe:a9fe",
      "0:0:0:0:0:ffff:a9fe:a9fe",
      "64:ff9b::a9fe:a9fe",
    ]) {
      expect(allowed(address), address).toBe(false);
    }
    expect(checkDestination({ host: "metadata.internal", address: "169.254.169.254", policy: policy() })).toEqual({
      allowed: false,
      rule: "169.254.0.0/16",
      source: "built-in",
      byHost: false,
    });
  });

  it("allows loopback, private and public addresses by default (local models are a real use)", () => {
    for (const address of [
      "127.0.0.1",
      "127.0.0.2",
      "::1",
      "10.1.2.3",
      "172.16.0.5",
      "192.168.1.10",
      "fd12:3456::1",
      "100.64.0.1",
      "8.8.8.8",
      "2606:4700::1111",
      "fd00:ec2::253",
    ]) {
      expect(allowed(address), address).toBe(true);
    }
  });

  it("denies what GALLEY_OUTBOUND_DENY lists, IPv4-mapped forms included", () => {
    const p = policy("", "10.0.0.0/8, 127.0.0.2");
    expect(allowed("10.200.0.1", p)).toBe(false);
    expect(allowed("::ffff:10.200.0.1", p)).toBe(false);
    expect(allowed("127.0.0.2", p)).toBe(false);
    expect(allowed("127.0.0.1", p)).toBe(true);
    expect(checkDestination({ host: "ollama.lan", address: "10.0.0.7", policy: p })).toEqual({
      allowed: false,
      rule: "10.0.0.0/8",
      source: "GALLEY_OUTBOUND_DENY",
      byHost: false,
    });
  });

  it("lets the most specific rule win, deny before allow at equal length, and ALLOW re-open a built-in denial", () => {
    expect(allowed("10.1.2.3", policy("10.1.2.3", "10.0.0.0/8"))).toBe(true);
    expect(allowed("10.1.2.4", policy("10.1.2.3", "10.0.0.0/8"))).toBe(false);
    expect(allowed("10.1.2.3", policy("10.0.0.0/8", "10.1.2.0/24"))).toBe(false);
    expect(allowed("10.1.2.3", policy("10.1.2.0/24", "10.1.2.0/24"))).toBe(false);
    expect(allowed("169.254.169.254", policy("169.254.169.254"))).toBe(true);
    expect(allowed("169.254.169.253", policy("169.254.169.254"))).toBe(false);
    expect(allowed("169.254.169.254", policy("169.254.0.0/16"))).toBe(true);
  });

  it("supports an allow-list-only policy with * in the deny list", () => {
    const p = policy("192.168.1.0/24, api.openai.com", "*");
    expect(allowed("192.168.1.20", p)).toBe(true);
    expect(allowed("8.8.8.8", p)).toBe(false);
    expect(allowed("::1", p)).toBe(false);
    expect(allowed("162.159.140.245", p, "api.openai.com")).toBe(true);
  });

  it("matches host names before addresses: a denied name stays denied, an allowed one skips the address rules", () => {
    const p = policy("models.corp.example", "*.evil.example, 10.0.0.0/8");
    expect(checkDestination({ host: "a.evil.example", address: "8.8.8.8", policy: p })).toEqual({
      allowed: false,
      rule: "*.evil.example",
      source: "GALLEY_OUTBOUND_DENY",
      byHost: true,
    });
    expect(allowed("8.8.8.8", p, "evil.example")).toBe(true);
    expect(allowed("10.0.0.5", p, "Models.Corp.Example.")).toBe(true);
    expect(allowed("10.0.0.5", p, "other.corp.example")).toBe(false);
  });

  it("denies an address it cannot read", () => {
    expect(allowed("not-an-address")).toBe(false);
  });
});

describe("parseOutboundRules", () => {
  it("reads addresses, ranges, host names and *", () => {
    expect(
      parseOutboundRules(" 10.0.0.0/8 ,fd00::/8, 169.254.169.254, Ollama.LAN, *.corp.example, ").map((r) =>
        r.kind === "host" ? `host ${r.host}${r.subdomains ? " +sub" : ""}` : `${r.range[0].toString()}/${r.range[1]}`,
      ),
    ).toEqual(["10.0.0.0/8", "fd00::/8", "169.254.169.254/32", "host ollama.lan", "host corp.example +sub"]);
    expect(parseOutboundRules("*")).toHaveLength(2);
    expect(parseOutboundRules(undefined)).toEqual([]);
  });

  it("stores an IPv4-mapped range as the IPv4 range it covers", () => {
    const [rule] = parseOutboundRules("::ffff:10.0.0.0/104");
    expect(rule?.kind === "range" && `${rule.range[0].toString()}/${rule.range[1]}`).toBe("10.0.0.0/8");
  });

  it("names the entry it cannot read", () => {
    for (const bad of ["10.0.0.0/33", "300.1.1.1", "10.0.0.1/", "http://example.com", "fd00::/129", "127.1", "a..b"]) {
      expect(() => parseOutboundRules(`10.0.0.0/8, ${bad}`), bad).toThrow(`"${bad}" is neither an address`);
    }
  });
});
