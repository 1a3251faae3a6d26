import "server-only";

import type { Document, Hocuspocus } from "@hocuspocus/server";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";

import { parseDocName } from "@/lib/collab/prompt-doc";
import { loadedDocument, RELAY_ORIGIN } from "@/lib/collab/storage/live-server";
import { COLLAB_CHANNEL, collabInstanceId, type CollabNotice } from "@/lib/collab/storage/notify-collab";
import { readLiveState } from "@/lib/collab/storage/read-live-state";
import { db } from "@/lib/db";
import { listenChannel } from "@/lib/db/listen-channel";
import { log } from "@/lib/log";

/**
 * Multi-instance live editing on PostgreSQL (PGlite: one process, nothing to do). Each instance
 * LISTENs on galley_collab; when another one stored edits of a document loaded here, the rows are
 * read by id and applied, so this instance's connections receive them. Rows already compacted
 * (deleted) by then are in the stored state: the document is then caught up from state + rows.
 * After the listener reconnects, every loaded document is caught up the same way: ids commit out
 * of order, so "every row after the last id applied" could skip one committed late, while
 * applying the whole stored copy again is always right (Yjs ignores what a document already has).
 * Presence (awareness) travels inline (see relayAwareness in lib/collab/storage).
 */
export function startLiveRelay(
  hocuspocus: Hocuspocus,
  opts: { /** Called each time the relay is listening (again). */ onListening?: () => void } = {},
): () => Promise<void> {
  const me = collabInstanceId();
  const catchUp = async (document: Document) => {
    const parsed = parseDocName(document.name);
    if (parsed?.kind !== "prompt") return;
    const { updates } = await readLiveState({ promptId: parsed.id });
    document.transact(() => updates.forEach((u) => Y.applyUpdate(document, u)), RELAY_ORIGIN);
  };
  const receive = async (notice: CollabNotice) => {
    const document = await loadedDocument(hocuspocus, notice.d);
    if (!document) return;
    if ("a" in notice) {
      applyAwarenessUpdate(document.awareness, Buffer.from(notice.a, "base64"), RELAY_ORIGIN);
      return;
    }
    const ids = notice.ids.map((id) => BigInt(id));
    const rows = await db.promptLiveUpdate.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      select: { update: true },
    });
    if (rows.length < ids.length) return catchUp(document);
    document.transact(() => rows.forEach((r) => Y.applyUpdate(document, r.update)), RELAY_ORIGIN);
  };
  let wasUp = false;
  return listenChannel({
    channel: COLLAB_CHANNEL,
    purpose: "the live-editing relay",
    onUp: () => {
      opts.onListening?.();
      if (!wasUp) return void (wasUp = true);
      for (const document of hocuspocus.documents.values()) {
        catchUp(document).catch((error: Error) =>
          log.error("could not catch up a live document after the relay reconnected", {
            document: document.name,
            error: error.message,
          }),
        );
      }
    },
    onNotification: (payload) => {
      let notice: CollabNotice;
      try {
        notice = JSON.parse(payload) as CollabNotice;
      } catch {
        return log.warn("ignored a malformed live-editing notice", { payload: payload.slice(0, 200) });
      }
      if (notice.i === me || typeof notice.d !== "string") return;
      receive(notice).catch((error: Error) =>
        log.error("could not apply another instance's live edit", { document: notice.d, error: error.message }),
      );
    },
  });
}
