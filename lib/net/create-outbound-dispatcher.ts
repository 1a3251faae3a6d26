// An undici dispatcher that applies the outbound destination policy to every connection it opens.
import dns, { type LookupAddress } from "node:dns";
import net from "node:net";
import { Agent, buildConnector } from "undici";

import { checkDestination, type OutboundPolicy } from "@/lib/net/check-destination";
import { OutboundDeniedError } from "@/lib/net/outbound-denied-error";

/** How names become addresses; node's dns.lookup unless a test supplies its own. */
export type ResolveHost = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolve: ResolveHost = (hostname, callback) =>
  dns.lookup(hostname, { all: true }, (error, addresses) => callback(error, addresses ?? []));

/**
 * The policy is checked where the socket is opened, on the addresses the connection will really
 * use: a name that resolved to a harmless address when a provider was saved and to 169.254.169.254
 * now (DNS rebinding) is refused, and so is every new connection of a pool. IP literals never go
 * through a lookup, so they are checked before connecting. Pass the result as `dispatcher` to fetch
 * (or `fetchOptions.dispatcher` to the openai SDK); redirects go through it as well.
 */
export function createOutboundDispatcher(opts: { policy: OutboundPolicy; resolve?: ResolveHost }): Agent {
  const resolve = opts.resolve ?? systemResolve;
  const lookup = (
    hostname: string,
    options: dns.LookupOptions,
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, (error, found) => {
      const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : options.family;
      const addresses = found.filter((a) => !family || a.family === family);
      if (error || !addresses.length)
        return callback(
          error ?? Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }),
          "",
        );
      // One denied address refuses the name: a host that also points at the metadata service is not one to trust.
      for (const { address } of addresses) {
        const verdict = checkDestination({ host: hostname, address, policy: opts.policy });
        if (!verdict.allowed) return callback(new OutboundDeniedError({ host: hostname, address, verdict }), "");
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const connect = buildConnector({ lookup: lookup as net.LookupFunction });
  return new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, "");
      if (net.isIP(host)) {
        const verdict = checkDestination({ host, address: host, policy: opts.policy });
        if (!verdict.allowed)
          return queueMicrotask(() => callback(new OutboundDeniedError({ host, address: host, verdict }), null));
      }
      return connect(options, callback);
    },
  });
}
