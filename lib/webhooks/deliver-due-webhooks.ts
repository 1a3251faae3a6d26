import "server-only";

import { claimDueWebhookDeliveries } from "@/lib/webhooks/claim-due-webhook-deliveries";
import { sendWebhookDelivery, TIMEOUT_MS } from "@/lib/webhooks/send-webhook-delivery";

export { GIVE_UP_AFTER_MS, RETRY_BASE_MS, RETRY_MAX_MS, retryDelayMs } from "@/lib/webhooks/send-webhook-delivery";

/**
 * Sends the deliveries that are due (at most `limit`), claiming them first (lib/jobs) so that two
 * workers never send the same one. Returns how many were attempted. The worker
 * (start-webhook-worker.ts) does the same continuously; tests call this to step through time.
 */
export async function deliverDueWebhooks(opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const claimed = await claimDueWebhookDeliveries({
    now: opts.now ?? new Date(),
    limit: opts.limit ?? 20,
    leaseMs: TIMEOUT_MS * 3,
  });
  await Promise.all(claimed.map((d) => sendWebhookDelivery(d)));
  return claimed.length;
}
