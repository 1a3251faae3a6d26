import { db } from "@/lib/db";
import { keysetPage, olderThan } from "@/lib/db/keyset-page";

export type WebhookView = {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  secretHint: string;
  createdAt: string;
  failing: number;
  pending: number;
};
export type DeliveryView = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  responseBody: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

/** A project's webhooks, with how many deliveries are waiting or gave up. */
export async function listWebhooks(opts: { projectId: string }): Promise<WebhookView[]> {
  const hooks = await db.webhook.findMany({
    where: { projectId: opts.projectId },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  const counts = await db.webhookDelivery.groupBy({
    by: ["webhookId", "status"],
    where: { projectId: opts.projectId, status: { in: ["pending", "failed"] } },
    _count: { _all: true },
  });
  const count = (id: string, status: string) =>
    counts.find((c) => c.webhookId === id && c.status === status)?._count._all ?? 0;
  return hooks.map((h) => ({
    id: h.id,
    url: h.url,
    events: h.events,
    active: h.active,
    secretHint: h.secretHint,
    createdAt: h.createdAt.toISOString(),
    failing: count(h.id, "failed"),
    pending: count(h.id, "pending"),
  }));
}

const PAGE = 25;

/** One webhook's deliveries, newest first, 25 at a time (`before` = the id of the last one seen). */
export async function listDeliveries(opts: {
  projectId: string;
  webhookId: string;
  before?: string;
}): Promise<{ deliveries: DeliveryView[]; nextBefore: string | null }> {
  const cursor = opts.before
    ? await db.webhookDelivery.findFirst({
        where: { id: opts.before, webhookId: opts.webhookId },
        select: { id: true, createdAt: true },
      })
    : null;
  const rows = await db.webhookDelivery.findMany({
    where: { projectId: opts.projectId, webhookId: opts.webhookId, ...olderThan(cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
  });
  const { page, nextBefore } = keysetPage(rows, PAGE);
  return {
    deliveries: page.map((d) => ({
      id: d.id,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      error: d.error,
      responseBody: d.responseBody,
      createdAt: d.createdAt.toISOString(),
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
    nextBefore,
  };
}
