// The live-editing server of this process, for edits made on the server (saving a version,
// resetting, changing the description through the API) to reach connected editors at once.
// server.ts calls setLiveServer(hocuspocus); route handlers call getLiveServer(). It is kept on
// globalThis as functions over bytes: server.ts and the Next.js bundle hold two copies of this
// module and of yjs, so a Y.Doc must not cross from one to the other, but an update can.
import "server-only";

import type { Document, Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";

/** The origin of edits made by the server itself (a non-connection origin: Hocuspocus broadcasts them). */
export const SERVER_ORIGIN = "galley:server";
/** The origin of edits and presence received from other instances (lib/collab/relay). */
export const RELAY_ORIGIN = "galley:relay";

export type LiveServer = {
  /** The document's state as one update when it is loaded on this instance, else null. */
  stateOf: (documentName: string) => Uint8Array | null;
  /** Applies an update to the document if it is loaded (or loading) here, so its connections receive it; false if not. */
  apply: (documentName: string, update: Uint8Array, origin?: string) => Promise<boolean>;
  /** Names of the documents loaded here. */
  loaded: () => string[];
};

const key = Symbol.for("galley.live-server");
type Holder = { [key]?: LiveServer };

/**
 * The document if it is loaded on this instance, after waiting for it if it is loading (its load
 * may have read the stored rows before an update being applied now was committed); else null.
 */
export async function loadedDocument(hocuspocus: Hocuspocus, name: string): Promise<Document | null> {
  await hocuspocus.loadingDocuments.get(name)?.catch(() => undefined);
  const document = hocuspocus.documents.get(name);
  return document && !document.isLoading && !document.isDestroyed ? document : null;
}

export function setLiveServer(hocuspocus: Hocuspocus | null): void {
  const holder = globalThis as Holder;
  if (!hocuspocus) {
    delete holder[key];
    return;
  }
  holder[key] = {
    stateOf: (name) => {
      const document = hocuspocus.documents.get(name);
      return document && !document.isLoading && !document.isDestroyed ? Y.encodeStateAsUpdate(document) : null;
    },
    apply: async (name, update, origin = SERVER_ORIGIN) => {
      const document = await loadedDocument(hocuspocus, name);
      if (!document) return false;
      Y.applyUpdate(document, update, origin);
      return true;
    },
    loaded: () => [...hocuspocus.documents.keys()],
  };
}

export function getLiveServer(): LiveServer | null {
  return (globalThis as Holder)[key] ?? null;
}
