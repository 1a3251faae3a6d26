// PGlite is single-process: two processes on one data directory would corrupt it. A lock file
// names the holder (pid + process start time, so a reused pid is not mistaken for the holder).
import fs from "node:fs";
import path from "node:path";

import { ConfigError } from "@/lib/env";

type Holder = { pid: number; start: string | null; command: string };

function processStart(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat is the start time in clock ticks since boot.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = processStart(holder.pid);
  return holder.start === null || start === null || start === holder.start;
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Holder;
  } catch {
    return null;
  }
}

/**
 * Takes the lock on a data directory for this process, or throws a ConfigError that says who
 * holds it. Returns a function that releases it; it is also released when the process exits.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.join(dataDir, "galley.lock");
  const me: Holder = { pid: process.pid, start: processStart(process.pid), command: process.argv.slice(1).join(" ") };
  // Written in full to a private file first, then hard-linked into place: link() is atomic and
  // fails if the lock exists, so no other process can ever read a half-written lock.
  const draft = `${file}.${process.pid}`;
  fs.writeFileSync(draft, JSON.stringify(me));
  try {
    return takeLock(file, draft, me, dataDir);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function takeLock(file: string, draft: string, me: Holder, dataDir: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.linkSync(draft, file);
      const release = () => {
        const holder = readHolder(file);
        if (holder?.pid === process.pid) fs.rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      const unreadableButFresh =
        !holder && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 10_000;
      if (unreadableButFresh || (holder && isAlive(holder))) {
        throw new ConfigError(
          `The embedded database in ${dataDir} is in use by another process (${holder ? `pid ${holder.pid}: ${holder.command}` : "starting up"}). ` +
            "Stop that process first, or set DATABASE_URL to a PostgreSQL server that several processes can share.",
        );
      }
      // The holder died without cleaning up: move the stale lock aside (rename is atomic) and retry.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // Another process recovered it first; the next attempt sees its lock.
      }
    }
  }
  throw new ConfigError(`Could not take the lock on the embedded database in ${dataDir}; try again.`);
}
