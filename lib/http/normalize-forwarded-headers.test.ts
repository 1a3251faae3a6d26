import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";

import { normalizeForwardedHeaders } from "@/lib/http/normalize-forwarded-headers";
import { CLIENT_ADDRESS_HEADER, getClientAddress } from "@/lib/net/get-client-address";

const forged = (): IncomingHttpHeaders => ({
  host: "galley.internal:3000",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-for": "6.6.6.6",
  [CLIENT_ADDRESS_HEADER]: "1.1.1.1",
});

describe("forwarded headers", () => {
  it("drops every X-Forwarded-* header when no proxy is trusted, and takes the address from the socket", () => {
    const headers = forged();
    normalizeForwardedHeaders({ headers, socketAddress: "::ffff:203.0.113.7", trustedHops: 0 });
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers["x-forwarded-proto"]).toBeUndefined();
    expect(headers["x-forwarded-for"]).toBeUndefined();
    expect(headers.host).toBe("galley.internal:3000");
    expect(getClientAddress(headers)).toBe("203.0.113.7");
  });

  it("behind one trusted proxy, takes the address that proxy appended, not what the client wrote before it", () => {
    const headers: IncomingHttpHeaders = {
      host: "galley.internal:3000",
      "x-forwarded-for": "6.6.6.6, 198.51.100.4",
      "x-forwarded-host": "galley.example.com",
      "x-forwarded-proto": "https",
    };
    normalizeForwardedHeaders({ headers, socketAddress: "10.0.0.2", trustedHops: 1 });
    expect(getClientAddress(headers)).toBe("198.51.100.4");
    expect(headers["x-forwarded-for"]).toBe("198.51.100.4");
    expect(headers["x-forwarded-host"]).toBe("galley.example.com");
    expect(headers["x-forwarded-proto"]).toBe("https");
  });

  it("counts hops from the right with two proxies, and falls back to the socket for garbage", () => {
    const two: IncomingHttpHeaders = { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.9" };
    normalizeForwardedHeaders({ headers: two, socketAddress: "10.0.0.2", trustedHops: 2 });
    expect(getClientAddress(two)).toBe("198.51.100.4");
    const garbage: IncomingHttpHeaders = { "x-forwarded-for": "not-an-ip" };
    normalizeForwardedHeaders({ headers: garbage, socketAddress: "10.0.0.2", trustedHops: 1 });
    expect(getClientAddress(garbage)).toBe("10.0.0.2");
    const ported: IncomingHttpHeaders = { "x-forwarded-for": "[2001:db8::1]:4711" };
    normalizeForwardedHeaders({ headers: ported, socketAddress: "10.0.0.2", trustedHops: 1 });
    expect(getClientAddress(ported)).toBe("2001:db8::1");
  });

  it("never lets the client set the address header itself", () => {
    const headers: IncomingHttpHeaders = { [CLIENT_ADDRESS_HEADER]: "1.1.1.1" };
    normalizeForwardedHeaders({ headers, socketAddress: "127.0.0.1", trustedHops: 1 });
    expect(getClientAddress(headers)).toBe("127.0.0.1");
    expect(getClientAddress({})).toBe("unknown");
  });
});
