import "server-only";

import { startJobWorker } from "@/lib/jobs/start-job-worker";
import { claimDueWebhookDeliveries } from "@/lib/webhooks/claim-due-webhook-deliveries";
import { setWebhookNudge } from "@/lib/webhooks/enqueue-webhook-event";
import { sendWebhookDelivery, TIMEOUT_MS } from "@/lib/webhooks/send-webhook-delivery";

/**
 * The server's webhook worker: every 2 s (and at once when this process queues an event) it sends
 * what is due, up to 20 at a time. Deliveries live in the database, so a restart only delays them.
 * Returns a stop function that waits for the sends in flight.
 */
export function startWebhookWorker(): () => Promise<void> {
  const worker = startJobWorker({
    name: "webhook worker",
    intervalMs: 2000,
    concurrency: 20,
    claim: ({ limit }) => claimDueWebhookDeliveries({ now: new Date(), limit, leaseMs: TIMEOUT_MS * 3 }),
    process: sendWebhookDelivery,
  });
  setWebhookNudge(worker.nudge);
  return async () => {
    setWebhookNudge(undefined);
    await worker.stop();
  };
}
