import "server-only";

import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getOutboundDispatcher } from "@/lib/net/get-outbound-dispatcher";
import { findOutboundDenial } from "@/lib/net/outbound-denied-error";
import { readBodyExcerpt } from "@/lib/net/read-body-excerpt";
import type { ClaimedDelivery } from "@/lib/webhooks/claim-due-webhook-deliveries";
import { signWebhook } from "@/lib/webhooks/sign-webhook";

/** Retries back off exponentially from 30 s (capped at an hour) and stop 24 h after the event. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 60 * 60_000;
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
export const TIMEOUT_MS = 10_000;

export const retryDelayMs = (attempts: number) =>
  Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));

/**
 * Sends one claimed delivery and records the outcome: 2xx marks it delivered; anything else
 * schedules a retry, until 24 h after the event, then marks it failed.
 */
export async function sendWebhookDelivery(delivery: ClaimedDelivery): Promise<void> {
  const now = delivery.claimedAt;
  const hook = await db.webhook.findUnique({ where: { id: delivery.webhookId } });
  if (!hook) return;
  const body = JSON.stringify({ id: delivery.id, ...(delivery.payload as object) });
  const timestamp = Math.floor(Date.now() / 1000);
  let responseStatus: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Galley-Webhooks/1",
        "galley-webhook-id": delivery.id,
        "galley-event": delivery.event,
        "galley-timestamp": String(timestamp),
        "galley-signature": signWebhook({ secret: decryptSecret(hook.secretEncrypted), timestamp, body }),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      // The destination policy: a webhook URL is whatever an admin typed, so it must not reach cloud metadata.
      dispatcher: getOutboundDispatcher(),
    } as RequestInit);
    responseStatus = res.status;
    responseBody = await readBodyExcerpt({ response: res }).catch(() => "");
  } catch (e) {
    const denied = findOutboundDenial(e);
    error = denied
      ? denied.message
      : e instanceof Error
        ? e.name === "TimeoutError"
          ? `No answer within ${TIMEOUT_MS / 1000} s`
          : connectionProblem(e)
        : String(e);
  }
  const attempts = delivery.attempts + 1;
  const ok = responseStatus !== null && responseStatus >= 200 && responseStatus < 300;
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
  const givingUp = !ok && nextAttemptAt.getTime() - delivery.createdAt.getTime() > GIVE_UP_AFTER_MS;
  if (!ok)
    log.warn("webhook delivery failed", {
      deliveryId: delivery.id,
      webhookId: hook.id,
      status: responseStatus,
      error,
      attempts,
      givingUp,
    });
  await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      attempts,
      lastAttemptAt: now,
      responseStatus,
      responseBody,
      error: ok ? null : (error ?? `The endpoint answered ${responseStatus}`),
      lockedUntil: null,
      ...(ok ? { status: "delivered", deliveredAt: now } : givingUp ? { status: "failed" } : { nextAttemptAt }),
    },
  });
}

/** fetch says only "fetch failed"; the cause (ECONNREFUSED, ENOTFOUND, a TLS error) is what helps. */
function connectionProblem(error: Error): string {
  const cause = (error.cause as { message?: string } | undefined)?.message;
  return cause ? `${error.message} (${cause})` : error.message;
}
