// A live-editing server in its own process (the kill test and the two-instance test): the harness'
// server as server.ts runs it (storage, live server, relay). Prints "listening <port>" once it
// serves and, on PostgreSQL, once its relay hears the other instances.
import "@/lib/entry/allow-server-only";

import { getEnv } from "@/lib/env";

import { startCollabServer } from "./collab-harness";

async function main() {
  let relayUp = () => {};
  const listening = new Promise<void>((resolve) => (relayUp = resolve));
  const server = await startCollabServer({ live: true, onRelayListening: () => relayUp() });
  // PGlite: one process, no relay.
  if (getEnv().databaseKind === "postgres") await listening;
  process.stdout.write(`listening ${server.port}\n`);
}

void main();
