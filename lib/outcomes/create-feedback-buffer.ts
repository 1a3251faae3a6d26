// Feedback rows waiting to be written in batches (the process's buffer is feedback-buffer.ts).
// Unlike usage counts, every row was answered 202 Accepted, so none may be lost to a full buffer:
// add() refuses (the route then flushes and, if that fails too, answers 503 with Retry-After)
// instead of dropping. A failed write puts its rows back in front; the buffer then holds at most
// twice maxRows (what was being written and what arrived meanwhile), and refuses more until a
// write succeeds.
import { serialFlush, writeInChunks } from "@/lib/outcomes/serial-flush";

export type FeedbackBuffer<T> = {
  /** Keeps a row for the next flush; false when the buffer is full (nothing kept). */
  add: (row: T) => boolean;
  /** Writes the rows so far (after a running flush, if any). Never rejects: failures are logged. */
  flush: () => Promise<void>;
  /** Rows waiting, in memory and in a running write. */
  pending: () => number;
};

export const DEFAULT_MAX_FEEDBACK_ROWS = 5000;

export function createFeedbackBuffer<T>(opts: {
  /** Writes one chunk of rows (one statement); throws when it cannot. */
  write: (rows: T[]) => Promise<void>;
  maxRows?: number;
  chunkRows?: number;
}): FeedbackBuffer<T> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_FEEDBACK_ROWS;
  const chunkRows = opts.chunkRows ?? 1000;
  let rows: T[] = [];
  let writing = 0;
  const writer = serialFlush({
    what: "feedback rows",
    describe: () => ({ pendingRows: rows.length + writing }),
    onFailure: () => undefined,
    onRecovery: () => undefined,
    run: async () => {
      if (rows.length === 0) return;
      const batch = rows;
      rows = [];
      writing = batch.length;
      try {
        await writeInChunks({
          rows: batch,
          size: chunkRows,
          write: opts.write,
          keep: (unwritten) => (rows = unwritten.concat(rows)),
        });
      } finally {
        writing = 0;
      }
    },
  });
  return {
    add(row) {
      if (rows.length >= maxRows) return false;
      rows.push(row);
      return true;
    },
    flush: writer.flush,
    pending: () => rows.length + writing,
  };
}
