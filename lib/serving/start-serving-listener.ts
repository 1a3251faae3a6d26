import "server-only";

import pg from "pg";

import { invalidateServing, setListenerUp } from "@/lib/cache/serving-cache";
import { SERVING_CHANNEL, type ServingChange } from "@/lib/db/notify-serving-change";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * On PostgreSQL, listens for serving changes made by any instance (including this one) and clears
 * the matching cache entries. While the connection is down the cache is off (every request reads
 * the database) and the listener reconnects with backoff; a fresh connection starts from an empty
 * cache, since notifications sent meanwhile were missed. Returns a function that stops it.
 */
export function startServingListener(): () => Promise<void> {
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
      setListenerUp(false);
      if (stopped) return;
      log.warn("serving cache listener lost its connection; serving from the database until it is back", {
        error: error?.message,
      });
      timer = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, 10_000);
    };
    client = c;
    c.on("error", lost);
    c.on("end", () => lost());
    c.on("notification", (message) => {
      if (message.channel !== SERVING_CHANNEL || !message.payload) return;
      try {
        const change = JSON.parse(message.payload) as ServingChange;
        invalidateServing({ kind: change.kind, projectId: change.projectId });
      } catch {
        invalidateServing({ kind: "prompts", projectId: null });
        invalidateServing({ kind: "keys", projectId: null });
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${SERVING_CHANNEL}`);
      if (client !== c) return;
      delay = 250;
      setListenerUp(true);
    } catch (error) {
      lost(error as Error);
      await c.end().catch(() => undefined);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    setListenerUp(false);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
