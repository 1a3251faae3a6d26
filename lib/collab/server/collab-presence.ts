import "server-only";

import type { connectedPayload, Extension, onAwarenessUpdatePayload, onDisconnectPayload } from "@hocuspocus/server";

import type { CollabContext } from "@/lib/collab/server/collab-context";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

/** How often every open document's rows are refreshed (seenAt); readers ignore rows 75 s old. */
export const PRESENCE_HEARTBEAT_MS = 30_000;
/** A person's activity (activeAt) is written at most this often; joining and leaving at once. */
const ACTIVITY_WRITE_MS = 10_000;
/** Rows this old belong to an instance that died without cleaning up. */
const SWEEP_AFTER_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 5 * 60_000;

type Entry = {
  documentName: string;
  userId: string;
  projectId: string;
  /** Hocuspocus socket ids with this document open for this user on this instance. */
  sockets: Set<string>;
  activeAt: number;
  writtenActiveAt: number;
  writtenAt: number;
  /** Writes of one row run one after another, so a late upsert cannot revive a deleted row. */
  chain: Promise<void>;
};

/**
 * Presence rows (CollabPresence) from this instance's connections: one per person per document,
 * written on connect, on activity (awareness `activeAt`, throttled) and every 30 s; deleted when
 * their last connection to the document here closes, all of them when the server stops. The
 * presence API reads the table, so people on other instances show up too.
 */
export function collabPresence(opts: { instanceId: string }) {
  const entries = new Map<string, Entry>();
  const keyOf = (documentName: string, userId: string) => `${documentName}\n${userId}`;

  const run = (entry: Entry, write: () => Promise<unknown>) => {
    entry.chain = entry.chain.then(write).then(
      () => undefined,
      (error: unknown) => log.warn("live editing: presence write failed", { error, document: entry.documentName }),
    );
    return entry.chain;
  };

  const upsert = (entry: Entry) => {
    const now = Date.now();
    entry.writtenAt = now;
    entry.writtenActiveAt = entry.activeAt;
    const where = {
      instanceId_documentName_userId: {
        instanceId: opts.instanceId,
        documentName: entry.documentName,
        userId: entry.userId,
      },
    };
    const values = { activeAt: new Date(entry.activeAt), seenAt: new Date(now) };
    return run(entry, () =>
      entries.get(keyOf(entry.documentName, entry.userId)) === entry
        ? db.collabPresence.upsert({
            where,
            create: { ...where.instanceId_documentName_userId, projectId: entry.projectId, ...values },
            update: values,
          })
        : Promise.resolve(),
    );
  };

  const remove = (entry: Entry) =>
    run(entry, () =>
      db.collabPresence.deleteMany({
        where: { instanceId: opts.instanceId, documentName: entry.documentName, userId: entry.userId },
      }),
    );

  const heartbeat = setInterval(() => {
    for (const entry of entries.values()) void upsert(entry);
  }, PRESENCE_HEARTBEAT_MS);
  heartbeat.unref();
  const sweep = () =>
    db.collabPresence
      .deleteMany({ where: { seenAt: { lt: new Date(Date.now() - SWEEP_AFTER_MS) } } })
      .catch((error: unknown) => log.warn("live editing: presence sweep failed", { error }));
  const sweeper = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  sweeper.unref();

  const extension: Extension = {
    extensionName: "galley-collab-presence",
    priority: 900,

    async connected(payload: connectedPayload) {
      const ctx = payload.context as CollabContext;
      const key = keyOf(payload.documentName, ctx.userId);
      let entry = entries.get(key);
      if (!entry) {
        entry = {
          documentName: payload.documentName,
          userId: ctx.userId,
          projectId: ctx.projectId,
          sockets: new Set(),
          activeAt: Date.now(),
          writtenActiveAt: 0,
          writtenAt: 0,
          chain: Promise.resolve(),
        };
        entries.set(key, entry);
      }
      entry.sockets.add(payload.socketId);
      await upsert(entry);
    },

    async onAwarenessUpdate(payload: onAwarenessUpdatePayload) {
      const now = Date.now();
      for (const { clients, connection } of payload.document.connections.values()) {
        const entry = entries.get(keyOf(payload.documentName, (connection.context as CollabContext).userId));
        if (!entry) continue;
        for (const clientId of clients) {
          const activeAt = (payload.awareness.getStates().get(clientId) as { activeAt?: unknown } | undefined)
            ?.activeAt;
          // The client's clock: trusted only to move activity forward, never past now.
          if (typeof activeAt === "number" && Number.isFinite(activeAt))
            entry.activeAt = Math.max(entry.activeAt, Math.min(activeAt, now));
        }
        if (entry.activeAt > entry.writtenActiveAt && now - entry.writtenAt >= ACTIVITY_WRITE_MS) void upsert(entry);
      }
    },

    async onDisconnect(payload: onDisconnectPayload) {
      const ctx = payload.context as Partial<CollabContext>;
      if (!ctx.userId) return;
      const key = keyOf(payload.documentName, ctx.userId);
      const entry = entries.get(key);
      if (!entry) return;
      entry.sockets.delete(payload.socketId);
      if (entry.sockets.size > 0) return;
      entries.delete(key);
      await remove(entry);
    },
  };

  return {
    extension,
    /** Stops the timers and deletes this instance's rows (people here are gone once it stops). */
    async stop() {
      clearInterval(heartbeat);
      clearInterval(sweeper);
      await Promise.all([...entries.values()].map((entry) => entry.chain));
      entries.clear();
      await db.collabPresence
        .deleteMany({ where: { instanceId: opts.instanceId } })
        .catch((error: unknown) => log.warn("live editing: presence cleanup failed", { error }));
    },
    sweep,
  };
}
