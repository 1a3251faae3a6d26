// What instances tell each other about live documents through PostgreSQL NOTIFY (channel
// galley_collab; lib/collab/relay listens). A payload carries ids of stored update rows, never an update itself (NOTIFY
// payloads stop at 8 KB), or a small awareness update inline. Server-only.
import "server-only";

import crypto from "node:crypto";

import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

export const COLLAB_CHANNEL = "galley_collab";

/** Awareness updates are relayed inline only below this size (encoded); bigger ones are logged and skipped. */
export const MAX_RELAYED_AWARENESS_BYTES = 6 * 1024;

export type CollabNotice =
  /** Rows of PromptLiveUpdate appended by instance `i` to document `d`. */
  | { d: string; ids: string[]; i: string }
  /** An awareness update (base64) from a connection on instance `i`. */
  | { d: string; a: string; i: string };

const key = Symbol.for("galley.collab-instance");

/**
 * This process's id, so an instance ignores its own notices. On globalThis: server.ts and the
 * Next.js bundle hold two copies of this module and must send as one instance.
 */
export function collabInstanceId(): string {
  const holder = globalThis as { [key]?: string };
  return (holder[key] ??= crypto.randomUUID());
}

/** Sends a notice to the other instances; nothing on PGlite (one process). Never throws: it logs. */
export async function notifyCollab(notice: { d: string; ids: string[] } | { d: string; a: string }): Promise<void> {
  if (getEnv().databaseKind !== "postgres") return;
  const payload = JSON.stringify({ ...notice, i: collabInstanceId() });
  try {
    await db.$executeRaw`SELECT pg_notify(${COLLAB_CHANNEL}, ${payload})`;
  } catch (error) {
    // The rows are stored: other instances pick them up when they next resync (reconnect, reload).
    log.warn("could not tell other instances about a live edit", {
      document: notice.d,
      error: (error as Error).message,
    });
  }
}
