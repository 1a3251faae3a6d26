// The process's one outbound dispatcher, with the policy from GALLEY_OUTBOUND_ALLOW / GALLEY_OUTBOUND_DENY.
import "server-only";

import type { Agent } from "undici";

import { getEnv } from "@/lib/env";
import { createOutboundDispatcher } from "@/lib/net/create-outbound-dispatcher";
import { parseOutboundRules } from "@/lib/net/parse-outbound-rules";

const key = Symbol.for("galley.outbound-dispatcher");
type Holder = { [key]?: Agent };

/**
 * Every request Galley sends to an address someone configured (providers, webhooks) goes through
 * this: one connection pool per process, kept on globalThis so dev reloads and the two copies of
 * lib/ (custom server and Next bundle) share it.
 */
export function getOutboundDispatcher(): Agent {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const env = getEnv();
    holder[key] = createOutboundDispatcher({
      policy: {
        allow: parseOutboundRules(env.GALLEY_OUTBOUND_ALLOW),
        deny: parseOutboundRules(env.GALLEY_OUTBOUND_DENY),
      },
    });
  }
  return holder[key];
}
