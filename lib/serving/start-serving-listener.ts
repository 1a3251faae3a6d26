import "server-only";

import { invalidateServing, setListenerUp } from "@/lib/cache/serving-cache";
import { listenChannel } from "@/lib/db/listen-channel";
import { SERVING_CHANNEL, type ServingChange } from "@/lib/db/notify-serving-change";

/**
 * On PostgreSQL, listens for serving changes made by any instance (including this one) and clears
 * the matching cache entries. While the connection is down the cache is off (every request reads
 * the database) and the listener reconnects with backoff; a fresh connection starts from an empty
 * cache, since notifications sent meanwhile were missed. Returns a function that stops it.
 */
export function startServingListener(): () => Promise<void> {
  const stop = listenChannel({
    channel: SERVING_CHANNEL,
    purpose: "serving cache listener (serving from the database until it is back)",
    onUp: () => setListenerUp(true),
    onDown: () => setListenerUp(false),
    onNotification: (payload) => {
      try {
        const change = JSON.parse(payload) as ServingChange;
        invalidateServing({ kind: change.kind, projectId: change.projectId });
      } catch {
        invalidateServing({ kind: "prompts", projectId: null });
        invalidateServing({ kind: "keys", projectId: null });
      }
    },
  });
  return async () => {
    await stop();
    setListenerUp(false);
  };
}
