// The process's feedback buffer (rules in create-feedback-buffer.ts). On globalThis: the feedback
// route runs in the Next.js bundle, the flusher's timer in the custom server; both copies of this
// module must share one buffer. Made on first use (importing reads no configuration).
import "server-only";

import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createFeedbackBuffer, type FeedbackBuffer } from "@/lib/outcomes/create-feedback-buffer";

/** A Feedback row as the route accepted it (createdAt: when it arrived, not when it was written). */
export type FeedbackRow = {
  projectId: string;
  promptId: string;
  version: number;
  environmentId: string | null;
  releaseId: string | null;
  apiKeyId: string;
  kind: "thumbs" | "number";
  score: number;
  comment: string;
  traceId: string | null;
  unit: string | null;
  /** The client's idempotency key: a row whose (promptId, requestId) is stored already is skipped. */
  requestId: string | null;
  createdAt: Date;
};

const stateKey = Symbol.for("galley.feedback-buffer");
let cached: FeedbackBuffer<FeedbackRow> | undefined;
const buffer = (): FeedbackBuffer<FeedbackRow> =>
  (cached ??= (globalThis as { [stateKey]?: FeedbackBuffer<FeedbackRow> })[stateKey] ??=
    createFeedbackBuffer<FeedbackRow>({
      write: async (rows) => {
        // ON CONFLICT DO NOTHING on (promptId, requestId): a retried rating already written (its
        // 202 lost on the way) or repeated within this batch is stored once; null ids never conflict.
        await db.feedback.createMany({ data: rows, skipDuplicates: true });
      },
    }));

/**
 * Keeps a feedback row for the next batch. When the buffer is full it writes the buffer now; if
 * the database refuses that too, a 503 with Retry-After (the app sends it again later) rather
 * than accepting a row that might be lost.
 */
export async function bufferFeedback(row: FeedbackRow): Promise<void> {
  if (buffer().add(row)) return;
  await buffer().flush();
  if (buffer().add(row)) return;
  const seconds = Math.ceil(getEnv().GALLEY_USAGE_FLUSH_MS / 1000);
  throw new AppError({
    code: "unavailable",
    message: `Feedback cannot be stored right now (the database is not answering and ${buffer().pending()} ratings are waiting); send it again in ${seconds} s.`,
    headers: { "retry-after": String(seconds) },
  });
}

/** Writes the buffered feedback (the flusher's timer, shutdown, tests). Never rejects. */
export function flushFeedback(): Promise<void> {
  return buffer().flush();
}
