// Live editing over real WebSockets, for integration tests and benches: the collab server on a free
// loopback port (as server.ts mounts it, with storage, the live server and the relay when `live`),
// session cookies minted the way next-auth issues them, and simulated editors (a Y.Doc +
// HocuspocusProvider over `ws`, sending the cookie and Origin a browser would).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Extension } from "@hocuspocus/server";
import { encode } from "next-auth/jwt";
import { WebSocket } from "ws";
import * as Y from "yjs";

import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-options";
import { getAuthSecret } from "@/lib/auth/get-auth-secret";
import { startLiveRelay } from "@/lib/collab/relay/start-live-relay";
import { COLLAB_PATH, createCollabServer, type CollabServer } from "@/lib/collab/server/create-collab-server";
import { setLiveServer } from "@/lib/collab/storage/live-server";
import { liveStorage } from "@/lib/collab/storage/live-storage";
import { db } from "@/lib/db";

/** Where clients reach a collab server on a loopback port (this process's or a child's). */
export type CollabAddress = {
  /** ws://127.0.0.1:<port>/api/collab */
  url: string;
  /** The Origin a page of this server sends. */
  origin: string;
};

export const collabAddress = (port: number): CollabAddress => ({
  url: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
  origin: `http://127.0.0.1:${port}`,
});

export type CollabTestServer = CollabAddress & {
  port: number;
  collab: CollabServer;
  close: () => Promise<void>;
};

/**
 * The collab server behind a bare node:http server; anything but /api/collab upgrades is refused.
 * `live`: as server.ts runs it – the storage extension, setLiveServer (saving and resetting reach
 * connected editors) and the relay between instances (PostgreSQL only; `onRelayListening` each
 * time it listens). One live server per process: the live server and the instance id are global.
 */
export async function startCollabServer(
  opts: { extensions?: Extension[]; live?: boolean; onRelayListening?: () => void } = {},
): Promise<CollabTestServer> {
  const collab = createCollabServer({
    extensions: [...(opts.live ? [liveStorage()] : []), ...(opts.extensions ?? [])],
  });
  let stopRelay: () => Promise<void> = async () => undefined;
  if (opts.live) {
    setLiveServer(collab.hocuspocus);
    stopRelay = startLiveRelay(collab.hocuspocus, { onListening: opts.onRelayListening });
  }
  const server = http.createServer((_req, res) => void res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...collabAddress(port),
    port,
    collab,
    // In server.ts' order: the relay, the live server, then the sockets (pending stores run).
    close: async () => {
      await stopRelay();
      if (opts.live) setLiveServer(null);
      await collab.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A Cookie header value holding a session for the user, as next-auth's sign-in would set it. */
export async function sessionCookie(user: { id: string; email?: string; name?: string }): Promise<string> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  const value = await encode({
    token: { sub: user.id, email: user.email, name: user.name, sv: row.sessionVersion },
    secret: getAuthSecret().secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return `next-auth.session-token=${value}`;
}

/** A `ws` WebSocket class that sends these headers, for the provider's WebSocketPolyfill. */
const socketWith = (headers: Record<string, string>) =>
  class extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
    }
  };

export type CollabClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** What the server said: refusals at authentication, closes of this document, stateless messages. */
  authFailures: string[];
  closeReasons: string[];
  stateless: string[];
  destroy: () => void;
};

/** One simulated editor on one document (its own socket). */
export function connectClient(opts: {
  server: CollabAddress;
  cookie: string;
  documentName: string;
  origin?: string;
  /** Reconnect when the socket drops (a server restart), quickly; off by default, so tests refused
   * at the door do not keep retrying in the background. */
  reconnect?: boolean;
}): CollabClient {
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: opts.server.url,
    WebSocketPolyfill: socketWith({ cookie: opts.cookie, origin: opts.origin ?? opts.server.origin }),
    ...(opts.reconnect
      ? { maxAttempts: 0, delay: 100, minDelay: 100, maxDelay: 1_000 }
      : {
          maxAttempts: 1,
          // The provider schedules one more connection when a socket it had opened closes, even
          // after destroy(); to a server that is gone that attempt fails as an unhandled rejection.
          // "disconnect" is emitted just before that decision: no reconnecting means none.
          onDisconnect: () => void (websocketProvider.shouldConnect = false),
        }),
  });
  const doc = new Y.Doc();
  const client: CollabClient = {
    doc,
    provider: new HocuspocusProvider({
      websocketProvider,
      name: opts.documentName,
      document: doc,
      onAuthenticationFailed: ({ reason }) => client.authFailures.push(reason),
      onClose: ({ event }) => {
        if (event.reason) client.closeReasons.push(event.reason);
      },
      onStateless: ({ payload }) => client.stateless.push(payload),
    }),
    authFailures: [],
    closeReasons: [],
    stateless: [],
    destroy: () => {
      client.provider.destroy();
      websocketProvider.destroy();
    },
  };
  client.provider.attach();
  return client;
}

/** Waits until `condition` holds (checked every 10 ms), or fails naming what it waited for. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Until the client has the server's copy of the document; fails at once if it was refused. */
export const waitSynced = (client: CollabClient) =>
  waitFor(() => {
    if (client.authFailures.length) throw new Error(`the server refused the client: ${client.authFailures.join(", ")}`);
    return client.provider.isSynced && client.provider.isAuthenticated;
  }, "the client to sync");

/** Until the server has acknowledged every edit the client sent. */
export const waitAcknowledged = (client: CollabClient) =>
  waitFor(() => client.provider.unsyncedChanges === 0, "the server to acknowledge the client's edits");

/** A bare WebSocket upgrade: the HTTP status and text of a refusal, or the open socket. */
export function openSocket(opts: {
  url: string;
  headers: Record<string, string>;
}): Promise<
  { status: number; text: string } | { socket: WebSocket; closed: Promise<{ code: number; reason: string }> }
> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(opts.url, { headers: opts.headers });
    // Listened for from the start, so a close right after the open is not missed.
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.once("close", (code, reason) => done({ code, reason: reason.toString() })),
    );
    socket.on("open", () => resolve({ socket, closed }));
    socket.on("unexpected-response", (_request, response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    socket.on("error", (error) => reject(error));
  });
}
