import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/request-context";
import { refreshOpenReviews } from "@/lib/reviews/refresh-review-status";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

export type MovePointerInput = {
  tx: Tx;
  ctx: RequestContext;
  projectId: string;
  environment: { id: string; slug: string; name: string };
  prompt: { id: string; name: string };
  actor: { id: string; name: string };
  version: number;
  /** The version the person saw the environment run (null: none). A mismatch is a 409, never a silent overwrite. */
  expectedVersion?: number | null;
  reason: string;
  kind: "deploy" | "rollback" | "emergency-rollback" | "review";
  review?: { id: string; number: number };
};

const conflict = (current: number | null, envName: string) =>
  new AppError({
    code: "conflict",
    message: `${envName} changed meanwhile: it now runs ${current ? `version ${current}` : "no version"}. Look again before deploying.`,
    details: { currentVersion: current },
  });

/**
 * Moves an environment's pointer for one prompt and records the deployment, inside the caller's
 * transaction. The pointer row is updated only if it still holds the version read, so of two
 * concurrent moves exactly one wins and the other gets 409 with what the environment runs now.
 * Run it inside servingTransaction, so every instance stops serving the old version.
 */
export async function movePointer(input: MovePointerInput) {
  const { tx, environment: env, prompt } = input;
  const pointer = await tx.environmentPrompt.findUnique({
    where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } },
  });
  const current = pointer?.version ?? null;
  if (input.expectedVersion !== undefined && input.expectedVersion !== current) throw conflict(current, env.name);
  if (current === input.version)
    throw new AppError({
      code: "conflict",
      message: `${env.name} already runs version ${input.version}.`,
      details: { currentVersion: current },
    });
  if (pointer) {
    const moved = await tx.environmentPrompt.updateMany({
      where: { environmentId: env.id, promptId: prompt.id, version: current! },
      data: { version: input.version },
    });
    if (moved.count === 0) throw conflict(null, env.name);
  } else {
    try {
      await tx.environmentPrompt.create({
        data: { environmentId: env.id, promptId: prompt.id, version: input.version },
      });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") throw conflict(null, env.name);
      throw error;
    }
  }
  const kind = input.kind === "deploy" && current !== null && input.version < current ? "rollback" : input.kind;
  const deployment = await tx.deployment.create({
    data: {
      projectId: input.projectId,
      environmentId: env.id,
      promptId: prompt.id,
      promptName: prompt.name,
      fromVersion: current,
      toVersion: input.version,
      actorId: input.actor.id,
      actorName: input.actor.name,
      reason: input.reason,
      kind,
      reviewId: input.review?.id ?? null,
      reviewNumber: input.review?.number ?? null,
    },
  });
  await writeAuditEntry({
    tx,
    ctx: input.ctx,
    projectId: input.projectId,
    action: `deployment.${kind}`,
    target: { type: "prompt", id: prompt.id },
    before: { environment: env.slug, version: current },
    after: {
      environment: env.slug,
      version: input.version,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.review ? { review: input.review.number } : {}),
    },
  });
  await enqueueWebhookEvent({
    tx,
    projectId: input.projectId,
    event: kind === "rollback" || kind === "emergency-rollback" ? "prompt.rolled_back" : "prompt.deployed",
    data: {
      prompt: prompt.name,
      environment: env.slug,
      fromVersion: current,
      toVersion: input.version,
      kind,
      actor: input.actor.name,
      reason: input.reason,
      review: input.review?.number ?? null,
    },
  });
  // Open reviews into this environment now compare against a new base: their approvals may be stale.
  await refreshOpenReviews({ tx, environmentId: env.id, promptId: prompt.id });
  return { id: deployment.id, environment: env.slug, fromVersion: current, toVersion: input.version, kind };
}
