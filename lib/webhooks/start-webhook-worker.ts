import "server-only";

import { log } from "@/lib/log";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-due-webhooks";
import { setWebhookNudge } from "@/lib/webhooks/enqueue-webhook-event";

/**
 * The server's webhook worker: every 2 s (and at once when this process queues an event) it sends
 * what is due. Deliveries live in the database, so a restart only delays them. Returns a stop function.
 */
export function startWebhookWorker(): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        while ((await deliverDueWebhooks()) > 0 && !stopped);
      } catch (error) {
        log.error("webhook worker failed", { error });
      }
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        tick();
      }
    });
  };
  const timer = setInterval(tick, 2000);
  timer.unref();
  setWebhookNudge(tick);
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    setWebhookNudge(undefined);
    await running;
  };
}
