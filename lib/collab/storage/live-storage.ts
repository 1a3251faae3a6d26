import "server-only";

import { IncomingMessage, MessageType, type Extension } from "@hocuspocus/server";
import * as Y from "yjs";

import { parseDocName } from "@/lib/collab/prompt-doc";
import type { CollabContext } from "@/lib/collab/server/collab-context";
import { appendLiveUpdate } from "@/lib/collab/storage/append-live-update";
import { compactLiveDocument } from "@/lib/collab/storage/compact-live-document";
import { readLiveState } from "@/lib/collab/storage/read-live-state";
import { relayAwareness } from "@/lib/collab/storage/relay-awareness";
import { getEnv } from "@/lib/env";

// y-protocols' sync message kinds (y-protocols/sync: messageYjsSyncStep2, messageYjsUpdate).
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * Stores prompts' working copies (Hocuspocus extension). An edit from a writer is appended to
 * PromptLiveUpdate, and awaited, before Hocuspocus applies and acknowledges it: an acknowledged
 * edit survives a crash. If the insert fails the hook throws, the connection closes unacknowledged
 * and the client sends the edit again when it reconnects. Compaction (onStoreDocument, debounced,
 * and when the last person leaves) folds the rows into the stored state. Review documents carry
 * presence only: nothing is loaded or stored. On PostgreSQL, presence changes are relayed to the
 * other instances (relayAwareness). Priority 100: after the guards (read-only, size).
 */
export function liveStorage(): Extension {
  return {
    extensionName: "galley-live-storage",
    priority: 100,

    async onLoadDocument({ documentName, document }) {
      const parsed = parseDocName(documentName);
      if (!parsed) throw new Error(`${documentName} is not a live document name`);
      if (getEnv().databaseKind === "postgres") relayAwareness(document);
      if (parsed.kind !== "prompt") return;
      const { updates } = await readLiveState({ promptId: parsed.id });
      document.transact(() => updates.forEach((update) => Y.applyUpdate(document, update)));
    },

    async beforeHandleMessage({ connection, documentName, document, update: message, context }) {
      if (connection.readOnly) return;
      const parsed = parseDocName(documentName);
      if (parsed?.kind !== "prompt") return;
      const edit = editIn(message, document);
      if (!edit) return;
      await appendLiveUpdate({ promptId: parsed.id, userId: (context as CollabContext).userId, update: edit });
    },

    async onStoreDocument({ documentName }) {
      const parsed = parseDocName(documentName);
      if (parsed?.kind === "prompt") await compactLiveDocument({ promptId: parsed.id });
    },
  };
}

/** The Yjs update a message would apply, or null (not an edit, or one that adds nothing). */
function editIn(message: Uint8Array, document: Y.Doc): Uint8Array | null {
  const incoming = new IncomingMessage(message);
  incoming.readVarString();
  const type = incoming.readVarUint();
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
  const step = incoming.readVarUint();
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  // A copy: the view points into the socket's buffer.
  const update = incoming.readVarUint8Array().slice();
  // A client catching up sends its state as step 2, usually holding nothing new: not an edit.
  if (step === SYNC_STEP_2 && Y.snapshotContainsUpdate(Y.snapshot(document), update)) return null;
  return update;
}
