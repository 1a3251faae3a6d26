// Requests served, counted in memory on the hot path and added to the database in batches (the
// singleton every server path uses is in usage-counter.ts; tests make their own).
// - count() is synchronous and allocation-light: one Map keyed by one joined string, the minute
//   bucket from the clock. No promise and no database write per request.
// - Bounded: at most `maxKeys` distinct (prompt, version, environment, release, key, minute) rows
//   wait in memory. Reaching it starts a flush at once (the full map is handed to the write and a
//   new one started). Only while the database is refusing writes can a new row find no room: its
//   requests are then counted as dropped and logged, never lost silently and never held without bound.
// - A failed write keeps its counts (merged back, within the same bound) for the next flush.
// - Counts are added (count = count + EXCLUDED.count), so any number of instances, each with its
//   own counter, add into the same rows. A crash loses what was not flushed yet: at most
//   GALLEY_USAGE_FLUSH_MS of counts.
import { log } from "@/lib/log";
import { chunksOf, serialFlush } from "@/lib/outcomes/serial-flush";

/** One request an application was served. */
export type ServedRequest = {
  projectId: string;
  promptId: string;
  /** null for a pinned version (?version=N), which no environment served. */
  environmentId: string | null;
  /** null unless the environment ran a split. */
  releaseId: string | null;
  version: number;
  apiKeyId: string;
};

/** A UsageCount row to add: "" stands for no environment / no release. */
export type UsageRow = {
  projectId: string;
  promptId: string;
  environmentId: string;
  releaseId: string;
  version: number;
  apiKeyId: string;
  minute: Date;
  count: number;
};

export type UsageCounter = {
  /** Counts one served request. Synchronous; never throws. */
  count: (served: ServedRequest) => void;
  /** Writes what is counted so far (after a running flush, if any). Never rejects: failures are logged. */
  flush: () => Promise<void>;
  /** Distinct rows waiting (in memory and in a running write). */
  pendingRows: () => number;
  /** Requests refused a row while the database was down and memory full, since the last good write. */
  dropped: () => number;
};

export type UsageCounterOptions = {
  /** Adds one chunk of rows to the database (one statement); throws when it cannot. */
  write: (rows: UsageRow[]) => Promise<void>;
  /** Distinct rows held in memory before a flush is forced. */
  maxKeys?: number;
  /** Rows per statement. */
  chunkRows?: number;
  /** After a failed write, no early flush before this many milliseconds (the timer retries anyway). */
  retryAfterMs?: number;
  now?: () => number;
};

export const DEFAULT_MAX_USAGE_KEYS = 50_000;
const SEP = "\u0001";

export function createUsageCounter(opts: UsageCounterOptions): UsageCounter {
  const maxKeys = opts.maxKeys ?? DEFAULT_MAX_USAGE_KEYS;
  const chunkRows = opts.chunkRows ?? 1000;
  const retryAfterMs = opts.retryAfterMs ?? 5000;
  const now = opts.now ?? Date.now;
  let live = new Map<string, number>();
  let writing = 0;
  let dropped = 0;
  let retryAt = 0;
  let reported = 0;

  // Put back what a failed write kept, where there is room.
  const restore = (key: string, n: number) => {
    const held = live.get(key);
    if (held !== undefined) live.set(key, held + n);
    else if (live.size < maxKeys) live.set(key, n);
    else dropped += n;
  };

  const writer = serialFlush({
    what: "usage counts",
    describe: () => ({ pendingRows: live.size, droppedRequests: dropped }),
    onFailure: () => {
      retryAt = now() + retryAfterMs;
      // Said at each failed try that found more refused, so an outage that never ends is still reported.
      if (dropped > reported)
        log.warn("requests not counted: memory for usage counts is full while the database refuses them", {
          droppedRequests: dropped,
          pendingRows: live.size,
        });
      reported = dropped;
    },
    onRecovery: () => {
      dropped = 0;
      reported = 0;
    },
    run: async () => {
      if (live.size === 0) return;
      const batch = live;
      live = new Map();
      writing = batch.size;
      const rows: UsageRow[] = [];
      for (const [key, count] of batch) {
        const [projectId, promptId, environmentId, releaseId, version, apiKeyId, minute] = key.split(SEP);
        rows.push({
          projectId: projectId!,
          promptId: promptId!,
          environmentId: environmentId!,
          releaseId: releaseId!,
          version: Number(version),
          apiKeyId: apiKeyId!,
          minute: new Date(Number(minute)),
          count,
        });
      }
      let done = 0;
      try {
        for (const chunk of chunksOf(rows, chunkRows)) {
          await opts.write(chunk);
          done += chunk.length;
        }
      } catch (error) {
        for (const [i, row] of rows.entries())
          if (i >= done)
            restore(
              [
                row.projectId,
                row.promptId,
                row.environmentId,
                row.releaseId,
                row.version,
                row.apiKeyId,
                +row.minute,
              ].join(SEP),
              row.count,
            );
        throw error;
      } finally {
        writing = 0;
      }
    },
  });

  return {
    count(served) {
      const t = now();
      const key =
        served.projectId +
        SEP +
        served.promptId +
        SEP +
        (served.environmentId ?? "") +
        SEP +
        (served.releaseId ?? "") +
        SEP +
        served.version +
        SEP +
        served.apiKeyId +
        SEP +
        (t - (t % 60_000));
      const held = live.get(key);
      if (held !== undefined) return void live.set(key, held + 1);
      if (live.size >= maxKeys) {
        // The flush hands the full map to its write synchronously, so there is room right after.
        if (!writer.running() && t >= retryAt) void writer.flush();
        if (live.size >= maxKeys) return void dropped++;
      }
      live.set(key, 1);
    },
    flush: writer.flush,
    pendingRows: () => live.size + writing,
    dropped: () => dropped,
  };
}
