import "server-only";

import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Extension } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

import { refusals } from "@/lib/collab/refusals";
import { authenticateUpgrade, type UpgradeUser } from "@/lib/collab/server/authenticate-upgrade";
import { collabGuard } from "@/lib/collab/server/collab-guard";
import { collabInstanceId } from "@/lib/collab/server/collab-instance-id";
import { collabPresence } from "@/lib/collab/server/collab-presence";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

/** The path browsers open the live-editing socket on. */
export const COLLAB_PATH = "/api/collab";
/** One message's largest size: a 1 MB prompt's state, with room for encoding. */
const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
/** Documents one socket may open (an editor needs one prompt, a list page a handful of reviews). */
const MAX_DOCUMENTS_PER_SOCKET = 64;
/** Bytes a socket may send per second on average (bursts up to MAX_PAYLOAD_BYTES × 2). */
const BYTES_PER_SECOND = 1024 * 1024;

export type CollabServer = {
  /** Takes the upgrade if it is for /api/collab (true), else leaves it to the caller (false). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every socket (1001), lets pending stores run, deletes this instance's presence rows. */
  stop(): Promise<void>;
  hocuspocus: Hocuspocus;
  /** This process's id in presence rows and relay notices (collabInstanceId): one server per process. */
  instanceId: string;
};

/** Signed out: a plain 401 before any WebSocket exists (the editor then asks next-auth why). */
function refuseSignedOut(socket: Duplex) {
  if (socket.destroyed) return;
  const body = Buffer.from(`${refusals.signed_out.message}\n`);
  socket.end(
    `HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${body.length}\r\n\r\n${body.toString()}`,
  );
}

function documentNameOf(data: RawData): string | null {
  try {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data as ArrayBuffer);
    return decoding.readVarString(decoding.createDecoder(bytes));
  } catch {
    return null;
  }
}

/**
 * The live-editing server: Hocuspocus (no listener of its own) behind a `ws` server in noServer
 * mode, mounted by server.ts on the app's own port. Upgrades are authenticated (Origin, session
 * cookie, connections per user) before a WebSocket exists; each document is then authorized by
 * the guard extension, which runs first, before `extensions` (storage, relay).
 */
export function createCollabServer(opts: { extensions?: Extension[]; maxDocumentBytes?: number } = {}): CollabServer {
  const instanceId = collabInstanceId();
  const presence = collabPresence({ instanceId });
  const hocuspocus = new Hocuspocus({
    quiet: true,
    extensions: [
      collabGuard({ maxDocumentBytes: opts.maxDocumentBytes }),
      presence.extension,
      ...(opts.extensions ?? []),
    ],
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES, perMessageDeflate: false });
  const perUser = new Map<string, number>();
  const maxPerUser = getEnv().GALLEY_COLLAB_MAX_CONNECTIONS_PER_USER;
  let stopping = false;

  const accept = (ws: WebSocket, req: IncomingMessage, user: UpgradeUser) => {
    perUser.set(user.userId, (perUser.get(user.userId) ?? 0) + 1);
    const documents = new Set<string>();
    const budget = { bytes: MAX_PAYLOAD_BYTES * 2, at: Date.now() };
    ws.on("error", (error) => log.debug("live editing: socket error", { error: error.message }));
    ws.on("close", () => {
      const left = (perUser.get(user.userId) ?? 1) - 1;
      if (left > 0) perUser.set(user.userId, left);
      else perUser.delete(user.userId);
    });
    // Bounds Hocuspocus cannot: it queues a document's messages until that document is
    // authorized, and opens any number of documents on one socket.
    ws.on("message", (data) => {
      const now = Date.now();
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
      budget.bytes = Math.min(MAX_PAYLOAD_BYTES * 2, budget.bytes + ((now - budget.at) / 1000) * BYTES_PER_SECOND);
      budget.at = now;
      budget.bytes -= size;
      const name = documentNameOf(data);
      if (name !== null && !documents.has(name)) documents.add(name);
      if (budget.bytes < 0 || documents.size > MAX_DOCUMENTS_PER_SOCKET) {
        log.warn("live editing: closed a socket over its limits", { userId: user.userId, documents: documents.size });
        ws.close(1008, budget.bytes < 0 ? "too much data" : "too many documents");
      }
    });
    hocuspocus.handleConnection(ws, req, {
      userId: user.userId,
      name: user.name,
      sessionVersion: user.sessionVersion,
    } satisfies UpgradeUser);
  };

  // A page from another address, or one tab too many: the socket opens and is closed at once with
  // the refusal's code, before anything on it is read, so the editor can say what is wrong (a
  // browser sees an HTTP refusal of an upgrade only as a failed connection, and would show
  // "reconnecting" forever) and stop retrying.
  const refuseOverSocket = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    kind: "bad_origin" | "too_many_connections",
  ) => wss.handleUpgrade(req, socket, head, (ws) => ws.close(refusals[kind].code, kind));

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = await authenticateUpgrade(req);
    if (socket.destroyed || stopping) return;
    if (!verdict.ok)
      return verdict.refusal === "signed_out"
        ? refuseSignedOut(socket)
        : refuseOverSocket(req, socket, head, verdict.refusal);
    if ((perUser.get(verdict.user.userId) ?? 0) >= maxPerUser)
      return refuseOverSocket(req, socket, head, "too_many_connections");
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, verdict.user));
  };

  return {
    hocuspocus,
    instanceId,
    handleUpgrade(req, socket, head) {
      const path = (req.url ?? "").split("?")[0];
      if (path !== COLLAB_PATH) return false;
      socket.on("error", () => socket.destroy());
      if (stopping) {
        socket.destroy();
        return true;
      }
      upgrade(req, socket, head).catch((error: unknown) => {
        log.error("live editing: upgrade failed", { error });
        socket.destroy();
      });
      return true;
    },
    async stop() {
      stopping = true;
      // Closing every document's connection runs each document's pending store now (Hocuspocus
      // stores a document when its last connection closes); then documents unload.
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.close(1001, "server shutting down");
      const deadline = Date.now() + 5_000;
      while ((hocuspocus.getDocumentsCount() > 0 || hocuspocus.loadingDocuments.size > 0) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      if (hocuspocus.getDocumentsCount() > 0)
        log.warn("live editing: documents still open at shutdown", { documents: hocuspocus.getDocumentsCount() });
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await presence.stop();
    },
  };
}
