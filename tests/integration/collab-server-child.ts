// A live-editing server in its own process (the kill test and the two-instance test): the test
// harness' server plus the relay between instances. Prints "listening <port>" once it serves.
import "@/lib/entry/allow-server-only";

import { startLiveRelay } from "@/lib/collab/relay/start-live-relay";
import { setLiveServer } from "@/lib/collab/storage/live-server";
import { getEnv } from "@/lib/env";

import { startCollabServer } from "./collab-storage-harness";

async function main() {
  const server = await startCollabServer();
  setLiveServer(server.hocuspocus);
  const listening = () => process.stdout.write(`listening ${server.address.port}\n`);
  // PGlite: one process, no relay. PostgreSQL: ready once the relay hears the other instances.
  if (getEnv().databaseKind === "postgres") startLiveRelay(server.hocuspocus, { onListening: listening });
  else listening();
}

void main();
