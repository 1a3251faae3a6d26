import "server-only";

import type { Document } from "@hocuspocus/server";
import { encodeAwarenessUpdate } from "y-protocols/awareness";

import { RELAY_ORIGIN } from "@/lib/collab/storage/live-server";
import { MAX_RELAYED_AWARENESS_BYTES, notifyCollab } from "@/lib/collab/storage/notify-collab";
import { log } from "@/lib/log";

/**
 * Relays a document's presence changes made through this instance's connections to the others
 * (called for every loaded document; see liveStorage). Not relayed: what came from the relay, and
 * states this instance timed out (the owning instance decides those). An update over 6 KB is
 * logged and skipped: presence is a name, a colour and a cursor, so that is a client misbehaving.
 */
export function relayAwareness(document: Document): void {
  document.awareness.on(
    "update",
    (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === RELAY_ORIGIN || origin === "timeout") return;
      const clients = [...changes.added, ...changes.updated, ...changes.removed];
      const update = encodeAwarenessUpdate(document.awareness, clients);
      if (update.byteLength >= MAX_RELAYED_AWARENESS_BYTES) {
        return log.warn("did not relay an oversized presence update", {
          document: document.name,
          bytes: update.byteLength,
        });
      }
      void notifyCollab({ d: document.name, a: Buffer.from(update).toString("base64") });
    },
  );
}
