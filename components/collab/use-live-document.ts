"use client";

import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useState, useSyncExternalStore } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";

import { acquireLiveSocket, releaseLiveSocket, stopLiveSocket } from "@/components/collab/live-socket";
import { refusalOf } from "@/components/collab/refusal-of";
import { colorFor } from "@/lib/collab/person-color";
import { parseReadOnlyNotice, type ReadOnlyNotice } from "@/lib/collab/read-only-notice";
import { refusalFrom, refusals, type RefusalKind } from "@/lib/collab/refusals";

/** Where the page stands with the live-editing server. */
export type LiveConnection =
  | { kind: "connecting" }
  | { kind: "connected" }
  /** Was connected (or the browser is offline): edits wait in the document and are sent on reconnect. */
  | { kind: "offline" }
  /** The server will not take edits from this page; `message` says why and what to do. */
  | { kind: "refused"; refusal: RefusalKind; message: string };

/** Options for {@link useLiveDocument}. */
type Options = {
  /** promptDocName(id) or reviewDocName(id). */
  documentName: string;
  /** Base64 Y.encodeStateAsUpdate the page was rendered with, so text shows before the socket opens. */
  initialState: string | null;
  /** Published in the awareness, with a colour that follows from the id. */
  user: { id: string; name: string };
};

type Snapshot = {
  awareness: Awareness | null;
  socketStatus: WebSocketStatus;
  synced: boolean;
  everConnected: boolean;
  refused: Extract<LiveConnection, { kind: "refused" }> | null;
  /** The server's scope for this connection. */
  readOnly: boolean;
  /** Why the server made this connection read-only, when it said (lib/collab/read-only-notice.ts). */
  readOnlyReason: ReadOnlyNotice["reason"] | null;
  unsyncedChanges: number;
  online: boolean;
};

/** Refusals that concern the session, not one document: reconnecting would be refused again. */
const sessionRefusals = new Set<RefusalKind>(["signed_out", "bad_origin", "too_many_connections"]);

// How often, at most, typing republishes "active now" (idle means no input for 2 minutes).
const ACTIVITY_THROTTLE_MS = 15_000;

const decodeState = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

const serverSnapshot: Snapshot = {
  awareness: null,
  socketStatus: WebSocketStatus.Connecting,
  synced: false,
  everConnected: false,
  refused: null,
  readOnly: false,
  readOnlyReason: null,
  unsyncedChanges: 0,
  online: true,
};

/**
 * One live document and its connection, outside React: the Y.Doc exists from the start (made from
 * the page's state); the provider exists while someone subscribes (the editor is on screen).
 */
class LiveSession {
  readonly doc = new Y.Doc();
  private provider: HocuspocusProvider | null = null;
  private listeners = new Set<() => void>();
  private snapshot: Snapshot = { ...serverSnapshot };
  private lastActive = 0;

  constructor(private readonly options: Options) {
    if (options.initialState) Y.applyUpdate(this.doc, decodeState(options.initialState), "initial state");
  }

  getSnapshot = () => this.snapshot;
  getServerSnapshot = () => serverSnapshot;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  private set(patch: Partial<Snapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private onNetwork = () => this.set({ online: navigator.onLine });

  private refuse(refusal: { kind: RefusalKind; message: string }) {
    this.set({ refused: { kind: "refused", refusal: refusal.kind, message: refusal.message } });
    if (sessionRefusals.has(refusal.kind)) stopLiveSocket();
    else this.provider?.detach();
  }

  private lastSessionCheck = 0;

  /**
   * The server refuses a signed-out upgrade with a plain HTTP 401, which a browser only sees as a
   * failed connection: when the socket drops while the network is up, ask next-auth whether the
   * session is still there (at most every 10 s) rather than retrying forever in silence.
   */
  private async checkSignedIn() {
    if (!navigator.onLine || this.snapshot.refused || Date.now() - this.lastSessionCheck < 10_000) return;
    this.lastSessionCheck = Date.now();
    const session = await fetch("/api/auth/session")
      .then((r) => (r.ok ? (r.json() as Promise<{ user?: unknown } | null>) : undefined))
      .catch(() => undefined);
    if (session !== undefined && !session?.user && this.provider) this.refuse(refusalFrom("signed_out")!);
  }

  private start() {
    const socket = acquireLiveSocket();
    const { documentName, user } = this.options;
    const provider = new HocuspocusProvider({
      name: documentName,
      document: this.doc,
      websocketProvider: socket,
      // The server authenticates the session cookie; the token only has to be there.
      token: "session-cookie",
      onStatus: ({ status }) => {
        this.set({
          socketStatus: status,
          everConnected: this.snapshot.everConnected || status === WebSocketStatus.Connected,
        });
        if (status === WebSocketStatus.Disconnected) void this.checkSignedIn();
      },
      onSynced: () => this.set({ synced: true }),
      onUnsyncedChanges: ({ number }) => this.set({ unsyncedChanges: number }),
      onAuthenticated: ({ scope }) => this.set({ readOnly: scope === "readonly" }),
      // Any failed authentication is a refusal, named by the server when it is one of ours.
      onAuthenticationFailed: ({ reason }) => this.refuse(refusalOf(reason) ?? refusalFrom("forbidden")!),
      // The socket closing (code) or the server closing this document (Hocuspocus' CLOSE message,
      // reason only). Anything else (network, server restart) is a drop to reconnect from.
      onClose: ({ event }) => {
        this.set({ synced: false });
        const refusal = refusalOf(event.reason) ?? refusalFrom(event.code);
        if (refusal) this.refuse(refusal);
      },
      // Why the connection is read-only (a viewer, an archived prompt), or a refusal said without closing.
      onStateless: ({ payload }) => {
        const notice = parseReadOnlyNotice(payload);
        if (notice) return this.set({ readOnlyReason: notice.reason });
        const refusal = refusalOf(payload);
        if (refusal) this.refuse(refusal);
      },
    });
    provider.setAwarenessField("user", { id: user.id, name: user.name, color: colorFor(user.id) });
    provider.setAwarenessField("activeAt", Date.now());
    provider.attach();
    this.provider = provider;
    window.addEventListener("online", this.onNetwork);
    window.addEventListener("offline", this.onNetwork);
    this.set({ awareness: provider.awareness, socketStatus: socket.status, online: navigator.onLine });
  }

  private stop() {
    window.removeEventListener("online", this.onNetwork);
    window.removeEventListener("offline", this.onNetwork);
    this.provider?.destroy();
    this.provider = null;
    releaseLiveSocket();
    this.snapshot = { ...this.snapshot, awareness: null, synced: false };
  }

  /** Every edit made here has reached the server (connected, nothing unacknowledged). */
  isSynced = () => {
    const provider = this.provider;
    return Boolean(
      provider?.isSynced &&
      provider.unsyncedChanges === 0 &&
      provider.configuration.websocketProvider.status === WebSocketStatus.Connected &&
      navigator.onLine,
    );
  };

  /** Publishes "active now" (throttled); call on the person's input. */
  markActive = () => {
    const now = Date.now();
    if (now - this.lastActive < ACTIVITY_THROTTLE_MS) return;
    this.lastActive = now;
    this.provider?.setAwarenessField("activeAt", now);
  };
}

/** Where the connection stands, as the person should hear of it. */
function connectionOf(s: Snapshot): LiveConnection {
  if (s.refused) return s.refused;
  if (s.online && s.socketStatus === WebSocketStatus.Connected && s.synced) return { kind: "connected" };
  return s.everConnected || !s.online ? { kind: "offline" } : { kind: "connecting" };
}

/**
 * A live document: the Y.Doc (there at once, from the page's state), kept in step with everyone
 * else's over the page's shared socket, and the awareness (who is here, their cursors). The
 * component re-renders only when those or `readOnly` change; the connection and the count of
 * unacknowledged edits change with every keystroke, so only {@link useLiveConnection} (the
 * status line) follows them. The options are read once, when the component mounts.
 */
export function useLiveDocument(options: Options) {
  const [session] = useState(() => new LiveSession(options));
  const awareness = useSyncExternalStore(
    session.subscribe,
    () => session.getSnapshot().awareness,
    () => null,
  );
  const readOnly = useSyncExternalStore(
    session.subscribe,
    () => session.getSnapshot().readOnly || session.getSnapshot().refused !== null,
    () => false,
  );
  return {
    session,
    doc: session.doc,
    awareness,
    /** The server accepts no edits from this person (viewer, archived prompt, refused). */
    readOnly,
    isSynced: session.isSynced,
    markActive: session.markActive,
  };
}

/**
 * The connection and the edits the server has not acknowledged yet, for the status line; and
 * why the server made the connection read-only, in the refusals' words, when it said so.
 */
export function useLiveConnection(session: LiveSession) {
  const s = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getServerSnapshot);
  const readOnlyBecause =
    s.readOnlyReason === "archived"
      ? refusals.archived.message
      : s.readOnlyReason === "role"
        ? refusals.read_only.message
        : null;
  return { connection: connectionOf(s), unsyncedChanges: s.unsyncedChanges, readOnlyBecause };
}

export type { LiveSession };
