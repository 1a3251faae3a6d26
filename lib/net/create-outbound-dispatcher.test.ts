import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createOutboundDispatcher, type ResolveHost } from "@/lib/net/create-outbound-dispatcher";
import { findOutboundDenial } from "@/lib/net/outbound-denied-error";
import { parseOutboundRules } from "@/lib/net/parse-outbound-rules";

// Real connections on loopback only: 127.0.0.1 is the allowed address, 127.0.0.2 the denied one.
// Names resolve through a table (the resolver is the seam DNS rebinding goes through).
describe("createOutboundDispatcher", () => {
  let server: http.Server;
  let port: number;
  let hits = 0;
  let dispatcher: Agent;
  const lookups: Record<string, string[][]> = {
    "good.test": [["127.0.0.1"]],
    "evil.test": [["127.0.0.2"]],
    "mixed.test": [["127.0.0.1", "127.0.0.2"]],
    "metadata.test": [["169.254.169.254"]],
    // Harmless when first asked, the denied address afterwards.
    "rebind.test": [["127.0.0.1"], ["127.0.0.2"]],
  };
  const resolve: ResolveHost = (hostname, callback) => {
    const answers = lookups[hostname];
    if (!answers)
      return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
    const next = answers.length > 1 ? answers.shift()! : answers[0]!;
    callback(
      null,
      next.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  };
  const get = (host: string) => fetch(`http://${host}:${port}/`, { dispatcher } as RequestInit);
  const denial = async (host: string) => {
    const error = await get(host).then(
      () => null,
      (e: unknown) => e,
    );
    return findOutboundDenial(error)?.message;
  };

  beforeAll(async () => {
    // connection: close, so every request opens (and checks) a new connection.
    server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(200, { connection: "close" }).end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
    dispatcher = createOutboundDispatcher({ policy: { allow: [], deny: parseOutboundRules("127.0.0.2") }, resolve });
  });
  afterAll(async () => {
    await dispatcher.close();
    await new Promise((r) => server.close(r));
  });

  it("connects to allowed addresses, by name and by literal", async () => {
    expect(await (await get("good.test")).text()).toBe("ok");
    expect((await get("127.0.0.1")).status).toBe(200);
  });

  it("refuses a name that resolves to a denied address, saying which and why", async () => {
    const before = hits;
    expect(await denial("evil.test")).toBe(
      "evil.test resolves to 127.0.0.2, which the outbound policy denies (it matches 127.0.0.2 in GALLEY_OUTBOUND_DENY on the server).",
    );
    expect(await denial("mixed.test")).toMatch(/^mixed.test resolves to 127.0.0.2/);
    expect(await denial("metadata.test")).toBe(
      "metadata.test resolves to 169.254.169.254, which the outbound policy denies (cloud metadata range 169.254.0.0/16; set GALLEY_OUTBOUND_ALLOW=169.254.169.254 on the server if Galley must reach it).",
    );
    expect(hits).toBe(before);
  });

  it("refuses denied IP literals, IPv4-mapped IPv6 included", async () => {
    expect(await denial("127.0.0.2")).toBe(
      "127.0.0.2 is an address the outbound policy denies (it matches 127.0.0.2 in GALLEY_OUTBOUND_DENY on the server).",
    );
    expect(await denial("[::ffff:127.0.0.2]")).toMatch(/^::ffff:7f00:2 is an address the outbound policy denies/);
    expect(await denial("169.254.169.254")).toMatch(
      /^169.254.169.254 is an address the outbound policy denies \(cloud metadata range/,
    );
  });

  it("checks again at every connection, so a name that rebinds to a denied address is refused", async () => {
    expect((await get("rebind.test")).status).toBe(200);
    expect(await denial("rebind.test")).toMatch(/^rebind.test resolves to 127.0.0.2, which the outbound policy denies/);
  });
});
