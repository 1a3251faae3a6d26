import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookEvent } from "@/lib/webhooks/webhook-events";

/**
 * Queues an event for every active webhook of the project that subscribes to it, in the
 * transaction of the change: the event exists exactly when the change does, and a restart loses
 * none (the worker picks the queue up from the database). Returns how many were queued.
 */
export async function enqueueWebhookEvent(opts: {
  tx: Tx;
  projectId: string;
  event: WebhookEvent;
  data: Record<string, unknown>;
}): Promise<number> {
  const hooks = await opts.tx.webhook.findMany({
    where: { projectId: opts.projectId, active: true, events: { has: opts.event } },
    select: { id: true },
  });
  if (!hooks.length) return 0;
  const createdAt = new Date();
  await opts.tx.webhookDelivery.createMany({
    data: hooks.map((h) => ({
      webhookId: h.id,
      projectId: opts.projectId,
      event: opts.event,
      payload: { event: opts.event, createdAt: createdAt.toISOString(), data: opts.data } as Prisma.InputJsonValue,
      nextAttemptAt: createdAt,
    })),
  });
  nudgeWebhookWorker();
  return hooks.length;
}

const nudgeKey = Symbol.for("galley.webhook-nudge");
type Holder = { [nudgeKey]?: () => void };

/** Wakes this process's webhook worker (if it runs here) so new deliveries go out without waiting for its next tick. */
export function nudgeWebhookWorker() {
  const nudge = (globalThis as Holder)[nudgeKey];
  if (nudge) setTimeout(nudge, 50).unref?.();
}

export function setWebhookNudge(nudge: (() => void) | undefined) {
  (globalThis as Holder)[nudgeKey] = nudge;
}
