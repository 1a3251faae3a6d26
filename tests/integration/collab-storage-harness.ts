// A live-editing server for tests: Hocuspocus' own Server (it listens on a free port) with the
// storage extension and a stand-in for W's authorization: the client's token is its user id,
// and every connection may edit. Clients are HocuspocusProviders over `ws`, as in a browser.
import { createRequire } from "node:module";
import path from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { Server, type Extension } from "@hocuspocus/server";
import * as Y from "yjs";

import { parseDocName } from "@/lib/collab/prompt-doc";
import type { CollabContext } from "@/lib/collab/server/collab-context";
import { liveStorage } from "@/lib/collab/storage/live-storage";
import { db } from "@/lib/db";

// Node 20 has no WebSocket of its own; `ws` (Hocuspocus' own) stands in, loaded untyped (no @types/ws here).
const { WebSocket } = createRequire(path.join(process.cwd(), "package.json"))("ws") as { WebSocket: unknown };

function testAuth(): Extension {
  return {
    extensionName: "test-auth",
    priority: 1000,
    async onAuthenticate({ token, documentName }): Promise<CollabContext> {
      const parsed = parseDocName(documentName);
      if (!parsed) throw new Error(`bad document name ${documentName}`);
      const user = await db.user.findUniqueOrThrow({ where: { id: token } });
      const projectId =
        parsed.kind === "prompt"
          ? (await db.prompt.findUniqueOrThrow({ where: { id: parsed.id } })).projectId
          : (await db.review.findUniqueOrThrow({ where: { id: parsed.id } })).projectId;
      return {
        userId: user.id,
        name: user.name,
        projectId,
        documentKind: parsed.kind,
        documentId: parsed.id,
        canEdit: true,
      };
    },
  };
}

export async function startCollabServer(): Promise<Server> {
  const server = new Server({ port: 0, quiet: true, extensions: [testAuth(), liveStorage()] });
  await server.listen();
  return server;
}

export type Client = { doc: Y.Doc; provider: HocuspocusProvider; close: () => void };

/** Connects a client to a document and resolves once it holds the server's copy. */
export async function connectClient(opts: { port: number; documentName: string; userId: string }): Promise<Client> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${opts.port}`, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: opts.documentName,
    document: doc,
    token: opts.userId,
  });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    setTimeout(() => reject(new Error(`${opts.documentName} did not sync within 15 s`)), 15_000);
    provider.on("synced", () => resolve());
    provider.on("authenticationFailed", ({ reason }: { reason: string }) => reject(new Error(reason)));
  });
  return {
    doc,
    provider,
    close: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` holds, checking on every change of the client's document; rejects after `ms`. */
export function waitFor(doc: Y.Doc, check: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      doc.off("update", listener);
      reject(new Error("timed out waiting for the document"));
    }, ms);
    const listener = () => {
      if (!check()) return;
      clearTimeout(timer);
      doc.off("update", listener);
      resolve();
    };
    doc.on("update", listener);
  });
}

/** Resolves once the server has acknowledged every change this client sent. */
export function acknowledged(client: Client, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (client.provider.unsyncedChanges === 0) return resolve();
    const timer = setTimeout(() => reject(new Error("the server did not acknowledge the edit")), ms);
    const listener = ({ number }: { number: number }) => {
      if (number !== 0) return;
      clearTimeout(timer);
      client.provider.off("unsyncedChanges", listener);
      resolve();
    };
    client.provider.on("unsyncedChanges", listener);
  });
}
