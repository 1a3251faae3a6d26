import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { claimJobs } from "@/lib/jobs/claim-jobs";

export type ClaimedDelivery = {
  id: string;
  webhookId: string;
  event: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
  /** The time the claim was taken at: the attempt's time in what it records. */
  claimedAt: Date;
};

/**
 * Claims up to `limit` due deliveries (claimJobs), so that two workers (two instances) never send
 * the same one. The lease outlasts a send's timeout three times over.
 */
export async function claimDueWebhookDeliveries(opts: {
  now: Date;
  limit: number;
  leaseMs: number;
}): Promise<ClaimedDelivery[]> {
  const { rows } = await claimJobs<Omit<ClaimedDelivery, "claimedAt">>({
    table: "WebhookDelivery",
    columns: ["id", "webhookId", "event", "payload", "attempts", "createdAt"],
    ready: Prisma.sql`"status" = 'pending' AND "nextAttemptAt" <= ${opts.now}`,
    orderBy: Prisma.sql`"nextAttemptAt"`,
    limit: opts.limit,
    leaseMs: opts.leaseMs,
    withToken: false,
    now: opts.now,
  });
  return rows.map((row) => ({ ...row, claimedAt: opts.now }));
}
