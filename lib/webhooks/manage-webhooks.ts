// Admins add, change, pause and remove a project's webhooks, and redeliver events. Every change is audited.
import crypto from "node:crypto";
import type { z } from "zod";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { encryptSecret, secretHint } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import type { createWebhookSchema, updateWebhookSchema } from "@/lib/validations/webhook";
import { nudgeWebhookWorker } from "@/lib/webhooks/enqueue-webhook-event";

const view = (w: { id: string; url: string; events: string[]; active: boolean; secretHint: string }) => ({
  id: w.id,
  url: w.url,
  events: w.events,
  active: w.active,
  secretHint: w.secretHint,
});

async function getWebhookOrThrow(projectId: string, webhookId: string) {
  const hook = await db.webhook.findFirst({ where: { id: webhookId, projectId } });
  if (!hook) throw new AppError({ code: "not_found", message: "No such webhook in this project." });
  return hook;
}

/** Adds a webhook with a new signing secret, returned this once (stored encrypted: signing needs it). */
export async function createWebhook(opts: {
  ctx: RequestContext;
  projectId: string;
  creatorId: string;
  input: z.infer<typeof createWebhookSchema>;
}) {
  const secret = `whsec_${crypto.randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const hook = await tx.webhook.create({
      data: {
        projectId: opts.projectId,
        url: opts.input.url,
        events: [...new Set(opts.input.events)],
        secretEncrypted: encryptSecret(secret),
        secretHint: secretHint(secret),
        createdById: opts.creatorId,
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "webhook.create",
      target: { type: "webhook", id: hook.id },
      after: view(hook),
    });
    return { ...view(hook), secret };
  });
}

export async function updateWebhook(opts: {
  ctx: RequestContext;
  projectId: string;
  webhookId: string;
  changes: z.infer<typeof updateWebhookSchema>;
}) {
  const before = await getWebhookOrThrow(opts.projectId, opts.webhookId);
  return db.$transaction(async (tx) => {
    const after = await tx.webhook.update({
      where: { id: before.id },
      data: { ...opts.changes, ...(opts.changes.events ? { events: [...new Set(opts.changes.events)] } : {}) },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "webhook.update",
      target: { type: "webhook", id: before.id },
      before: view(before),
      after: view(after),
    });
    return view(after);
  });
}

/** Removes a webhook and its delivery history. */
export async function deleteWebhook(opts: { ctx: RequestContext; projectId: string; webhookId: string }) {
  const hook = await getWebhookOrThrow(opts.projectId, opts.webhookId);
  await db.$transaction(async (tx) => {
    await tx.webhook.delete({ where: { id: hook.id } });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "webhook.delete",
      target: { type: "webhook", id: hook.id },
      before: view(hook),
    });
  });
  return { ok: true };
}

/** Sends an event again, as a new delivery with the same payload (the old one keeps its history). */
export async function redeliverWebhook(opts: {
  ctx: RequestContext;
  projectId: string;
  webhookId: string;
  deliveryId: string;
}) {
  const hook = await getWebhookOrThrow(opts.projectId, opts.webhookId);
  const original = await db.webhookDelivery.findFirst({ where: { id: opts.deliveryId, webhookId: hook.id } });
  if (!original) throw new AppError({ code: "not_found", message: "No such delivery for this webhook." });
  const delivery = await db.$transaction(async (tx) => {
    const created = await tx.webhookDelivery.create({
      data: {
        webhookId: hook.id,
        projectId: opts.projectId,
        event: original.event,
        payload: original.payload ?? {},
        nextAttemptAt: new Date(),
      },
    });
    await writeAuditEntry({
      tx,
      ctx: opts.ctx,
      projectId: opts.projectId,
      action: "webhook.redeliver",
      target: { type: "webhook", id: hook.id },
      after: { deliveryId: created.id, of: original.id, event: original.event },
    });
    return created;
  });
  nudgeWebhookWorker();
  return { id: delivery.id };
}
