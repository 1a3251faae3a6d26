import "server-only";

import { promptDocName } from "@/lib/collab/prompt-doc";
import { notifyCollab } from "@/lib/collab/storage/notify-collab";
import { queryRows } from "@/lib/db";

type Pending = {
  promptId: string;
  userId: string | null;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
};

// One multi-row insert carries at most this much; the rest waits for the next (each update is at
// most the 1 MB document limit, so a batch stays a few MB).
const MAX_BATCH_ROWS = 200;
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

const state: { queue: Pending[]; flushing: boolean } = { queue: [], flushing: false };

/**
 * Stores one edit of a prompt's working copy (`userId` null: made by the server) and resolves once
 * it is committed, so the caller can acknowledge it. Group commit: edits arriving while an insert
 * is in flight go into the next one, together, so many typists cost one round trip per batch
 * rather than one each. After each commit the other instances are told the new rows' ids. Rejects
 * (nothing stored) if the insert fails. One plain INSERT (queryRows), not Prisma's createMany:
 * on the embedded database its client took 20× the statement's time, blocking the event loop
 * every keystroke of every typist waits on.
 */
export function appendLiveUpdate(opts: { promptId: string; userId: string | null; update: Uint8Array }): Promise<void> {
  return new Promise((resolve, reject) => {
    state.queue.push({ ...opts, resolve, reject });
    if (!state.flushing) void flush();
  });
}

async function flush() {
  state.flushing = true;
  try {
    while (state.queue.length) {
      let bytes = 0;
      let take = 0;
      while (take < state.queue.length && take < MAX_BATCH_ROWS && (take === 0 || bytes < MAX_BATCH_BYTES)) {
        bytes += state.queue[take]!.update.byteLength;
        take++;
      }
      const batch = state.queue.splice(0, take);
      let rows: Array<{ id: bigint | number | string; promptId: string }>;
      try {
        rows = await queryRows(
          `INSERT INTO "PromptLiveUpdate" ("promptId", "userId", "update") VALUES ${batch
            .map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`)
            .join(", ")} RETURNING "id", "promptId"`,
          batch.flatMap((p) => [p.promptId, p.userId, p.update]),
        );
      } catch (error) {
        batch.forEach((p) => p.reject(error));
        continue;
      }
      batch.forEach((p) => p.resolve());
      const byPrompt = new Map<string, string[]>();
      for (const row of rows) byPrompt.set(row.promptId, [...(byPrompt.get(row.promptId) ?? []), String(row.id)]);
      for (const [promptId, ids] of byPrompt) void notifyCollab({ d: promptDocName(promptId), ids });
    }
  } finally {
    state.flushing = false;
  }
}
