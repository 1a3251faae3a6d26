import "server-only";

import pg from "pg";

import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * A dedicated PostgreSQL connection LISTENing on one channel, reconnecting with backoff (250 ms
 * doubling to 10 s) when it drops. `onUp` runs once each (re)connection is listening, `onDown` when
 * it is lost: notifications sent meanwhile are missed, and the caller decides how to catch up. On
 * PGlite (no DATABASE_URL) it does nothing: one process, nothing to hear from. Returns a stop function.
 */
export function listenChannel(opts: {
  channel: string;
  /** Named in the log line when the connection is lost. */
  purpose: string;
  onNotification: (payload: string) => void;
  onUp?: () => void;
  onDown?: () => void;
}): () => Promise<void> {
  const url = getEnv().DATABASE_URL;
  if (!url) return async () => undefined;
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, keepAlive: true });
    const lost = (error?: Error) => {
      if (client !== c) return;
      client = null;
      opts.onDown?.();
      if (stopped) return;
      log.warn(`${opts.purpose} lost its database connection; reconnecting`, { error: error?.message });
      timer = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, 10_000);
    };
    client = c;
    c.on("error", lost);
    c.on("end", () => lost());
    c.on("notification", (message) => {
      if (message.channel === opts.channel && message.payload) opts.onNotification(message.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${opts.channel}`);
      if (client !== c) return;
      delay = 250;
      opts.onUp?.();
    } catch (error) {
      lost(error as Error);
      await c.end().catch(() => undefined);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    if (c) opts.onDown?.();
    await c?.end().catch(() => undefined);
  };
}
