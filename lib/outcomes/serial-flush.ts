// What the usage counter and the feedback buffer share: one write at a time, a write asked for
// while one runs goes after it (so a shutdown's flush also writes what arrived during the running
// one), and a failing database is logged once per outage rather than once per try.
import { log } from "@/lib/log";

/**
 * Wraps `run` (one batch write; it throws when the database refuses) so calls never overlap and
 * never reject: a failure is logged once, until a write succeeds again.
 */
export function serialFlush(opts: {
  run: () => Promise<void>;
  /** What is being written, for the log: "usage counts", "feedback". */
  what: string;
  /** Fields for the log lines (how much is kept, how much was refused). */
  describe: () => Record<string, unknown>;
  onFailure: () => void;
  onRecovery: () => void;
}): { flush: () => Promise<void>; running: () => boolean } {
  let running: Promise<void> | null = null;
  let failing = false;
  const attempt = async () => {
    try {
      await opts.run();
      if (failing) {
        failing = false;
        log.info(`${opts.what} are written again`, opts.describe());
        opts.onRecovery();
      }
    } catch (error) {
      opts.onFailure();
      if (!failing) {
        failing = true;
        log.error(`${opts.what} could not be written; keeping them for the next try`, {
          ...opts.describe(),
          error,
        });
      }
    }
  };
  const flush = (): Promise<void> => {
    if (running) return running.then(flush);
    running = attempt().finally(() => {
      running = null;
    });
    return running;
  };
  return { flush, running: () => running !== null };
}

/**
 * Writes rows in chunks of `size` (one statement each, so none carries too many parameters). When a
 * chunk fails, `keep` gets the rows not written yet (the earlier chunks are in the database) and the
 * error is thrown on.
 */
export async function writeInChunks<T>(opts: {
  rows: T[];
  size: number;
  write: (chunk: T[]) => Promise<void>;
  keep: (unwritten: T[]) => void;
}): Promise<void> {
  let done = 0;
  try {
    while (done < opts.rows.length) {
      const chunk = opts.rows.slice(done, done + opts.size);
      await opts.write(chunk);
      done += chunk.length;
    }
  } catch (error) {
    opts.keep(opts.rows.slice(done));
    throw error;
  }
}
