import "server-only";

import type {
  afterLoadDocumentPayload,
  beforeHandleMessagePayload,
  connectedPayload,
  Connection,
  Extension,
  onAuthenticatePayload,
} from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";

import { isSessionCurrent } from "@/lib/auth/session-version-cache";
import { encodeReadOnlyNotice } from "@/lib/collab/read-only-notice";
import { refusals, type RefusalKind } from "@/lib/collab/refusals";
import type { UpgradeUser } from "@/lib/collab/server/authenticate-upgrade";
import { authorizeDocument, type DocumentAccess, type ReadOnlyReason } from "@/lib/collab/server/authorize-document";
import type { CollabContext } from "@/lib/collab/server/collab-context";
import { trackDocumentSize, wouldExceedSize } from "@/lib/collab/server/document-size";
import { log } from "@/lib/log";
import { MAX_TEMPLATE_BYTES } from "@/lib/templates/prompt-content";

/** What this server keeps on a connection beyond CollabContext. */
export type ConnectionContext = CollabContext & { sessionVersion: number; readOnlyReason: ReadOnlyReason | null };

// Hocuspocus' message types (its MessageType enum) and y-protocols' sync steps.
const SYNC = 0;
const AWARENESS = 1;
const STATELESS = 5;
const BROADCAST_STATELESS = 6;
const SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** How long a permission answer is trusted before a message makes us ask the database again. */
const RECHECK_MS = 5_000;
const MAX_CACHED = 10_000;
/** Awareness (cursor, selection, name) and stateless messages are small; anything bigger is abuse. */
export const MAX_SMALL_MESSAGE_BYTES = 16 * 1024;
/** Messages per connection: a burst, then a steady rate (typing plus cursor moves is ~20/s). */
const RATE_BURST = 400;
const RATE_PER_SECOND = 200;

/**
 * A refusal as Hocuspocus passes it on: thrown from onAuthenticate it reaches the provider as
 * authenticationFailed with `reason`; from beforeHandleMessage it closes that document's
 * connection with a close message carrying `reason`. The reason is the refusal's kind (see
 * lib/collab/refusals.ts), which the editor maps to its message. No error message, so Hocuspocus
 * does not log an expected refusal as an error.
 */
export class CollabRefusal extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(kind: RefusalKind | { code: number; reason: string }) {
    super("");
    this.name = "CollabRefusal";
    this.code = typeof kind === "string" ? refusals[kind].code : kind.code;
    this.reason = typeof kind === "string" ? kind : kind.reason;
  }
}

/** A policy close that is not one of the refusals the editor explains (a client misbehaving). */
const policyClose = (reason: string) => new CollabRefusal({ code: 1008, reason });

const accessCache = new Map<string, { access: Promise<DocumentAccess>; until: number }>();

function cachedAccess(userId: string, documentName: string): Promise<DocumentAccess> {
  const key = `${userId}\n${documentName}`;
  const hit = accessCache.get(key);
  if (hit && hit.until > Date.now()) return hit.access;
  if (accessCache.size >= MAX_CACHED) accessCache.clear();
  // Stored before it settles, so every message in the meantime waits on the same answer (in order).
  const access = authorizeDocument({ userId, documentName });
  accessCache.set(key, { access, until: Date.now() + RECHECK_MS });
  access.catch(() => accessCache.delete(key));
  return access;
}

/** Why this connection may no longer do what it was allowed at connect, or null. */
async function lostAccess(ctx: ConnectionContext, documentName: string): Promise<RefusalKind | null> {
  const [current, access] = await Promise.all([
    isSessionCurrent({ userId: ctx.userId, tokenVersion: ctx.sessionVersion }),
    cachedAccess(ctx.userId, documentName),
  ]);
  if (!current) return "signed_out";
  if (!access.ok) return access.refusal;
  if (ctx.canEdit && !access.canEdit) return access.readOnlyReason === "archived" ? "archived" : "read_only";
  return null;
}

type Bucket = { tokens: number; at: number };
const buckets = new WeakMap<Connection, Bucket>();

function withinRate(connection: Connection): boolean {
  const now = Date.now();
  const bucket = buckets.get(connection) ?? { tokens: RATE_BURST, at: now };
  bucket.tokens = Math.min(RATE_BURST, bucket.tokens + ((now - bucket.at) / 1000) * RATE_PER_SECOND) - 1;
  bucket.at = now;
  buckets.set(connection, bucket);
  return bucket.tokens >= 0;
}

const warnedReadOnly = new WeakSet<Connection>();

/**
 * The live-editing server's guards, run before every other extension (priority 1000): who may
 * open a document and how (onAuthenticate), and for every message, before storage persists it
 * (beforeHandleMessage): the permission still holds (re-read at most every 5 s), a read-only
 * connection's edits are dropped and logged, the document stays under the prompt size limit, and
 * small messages stay small and not too many.
 */
export function collabGuard(opts: { maxDocumentBytes?: number } = {}): Extension {
  const maxDocumentBytes = opts.maxDocumentBytes ?? MAX_TEMPLATE_BYTES;
  return {
    extensionName: "galley-collab-guard",
    priority: 1000,

    async onAuthenticate(payload: onAuthenticatePayload): Promise<Omit<ConnectionContext, keyof UpgradeUser>> {
      const user = payload.context as Partial<UpgradeUser>;
      if (!user.userId) throw new CollabRefusal("signed_out");
      const access = await authorizeDocument({ userId: user.userId, documentName: payload.documentName });
      if (!access.ok) throw new CollabRefusal(access.refusal);
      accessCache.set(`${user.userId}\n${payload.documentName}`, {
        access: Promise.resolve(access),
        until: Date.now() + RECHECK_MS,
      });
      payload.connectionConfig.readOnly = !access.canEdit;
      return {
        projectId: access.projectId,
        documentKind: access.documentKind,
        documentId: access.documentId,
        canEdit: access.canEdit,
        readOnlyReason: access.readOnlyReason,
      };
    },

    async connected(payload: connectedPayload) {
      const reason = (payload.context as ConnectionContext).readOnlyReason;
      if (reason === "archived" || reason === "role") payload.connection.sendStateless(encodeReadOnlyNotice(reason));
    },

    async afterLoadDocument({ document }: afterLoadDocumentPayload) {
      trackDocumentSize(document);
    },

    async beforeHandleMessage(payload: beforeHandleMessagePayload) {
      const { connection, document } = payload;
      const ctx = payload.context as ConnectionContext;
      if (!withinRate(connection)) throw policyClose("too-many-messages");
      const decoder = decoding.createDecoder(payload.update);
      decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type === BROADCAST_STATELESS) throw policyClose("broadcast-not-allowed");
      if ((type === AWARENESS || type === STATELESS) && payload.update.length > MAX_SMALL_MESSAGE_BYTES)
        throw policyClose("message-too-large");

      const lost = await lostAccess(ctx, payload.documentName);
      if (lost) throw new CollabRefusal(lost);

      if (type !== SYNC && type !== SYNC_REPLY) return;
      const step = decoding.readVarUint(decoder);
      if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return;
      const update = decoding.readVarUint8Array(decoder);
      if (connection.readOnly) {
        // Hocuspocus drops it and answers "not applied". A step 2 that brings nothing new is only
        // the sync handshake every client sends, not an edit.
        const edit = step === SYNC_UPDATE || !Y.snapshotContainsUpdate(Y.snapshot(document), update);
        if (edit && !warnedReadOnly.has(connection)) {
          warnedReadOnly.add(connection);
          log.warn("live editing: dropped edits from a read-only connection", {
            userId: ctx.userId,
            document: payload.documentName,
            reason: ctx.readOnlyReason,
          });
        }
        return;
      }
      if (wouldExceedSize(document, update, maxDocumentBytes)) throw new CollabRefusal("too_large");
    },
  };
}
