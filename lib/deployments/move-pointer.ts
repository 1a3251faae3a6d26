import "server-only";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { actorCan, type Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkGate } from "@/lib/gates/check-gate";
import type { RequestContext } from "@/lib/request-context";
import { refreshOpenReviews } from "@/lib/reviews/refresh-review-status";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

export type MovePointerInput = {
  tx: Tx;
  ctx: RequestContext;
  projectId: string;
  environment: { id: string; slug: string; name: string };
  prompt: { id: string; name: string };
  /** A member or key (a gate override needs gate.override); the demo seed moves pointers as a bare user. */
  actor: Actor | { id: string; name: string };
  version: number;
  /** The version the person saw the environment run (null: none). A mismatch is a 409, never a silent overwrite. */
  expectedVersion?: number | null;
  reason: string;
  kind: "deploy" | "rollback" | "emergency-rollback" | "review";
  review?: { id: string; number: number };
  /** An admin's reason to move past an evaluation gate that has not passed; unused when the gate passes. */
  gateOverrideReason?: string;
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
  const gateOverride = await enforceGate(input);
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
      gateOverride: gateOverride?.reason ?? null,
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
      ...(gateOverride ? { gateOverride: gateOverride.reason } : {}),
    },
  });
  if (gateOverride)
    await writeAuditEntry({
      tx,
      ctx: input.ctx,
      projectId: input.projectId,
      action: "deployment.gate-override",
      target: { type: "prompt", id: prompt.id },
      after: {
        environment: env.slug,
        version: input.version,
        deployment: deployment.id,
        reason: gateOverride.reason,
        gate: gateOverride.state,
        gateReason: gateOverride.gateReason,
        run: gateOverride.run,
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
  return {
    id: deployment.id,
    environment: env.slug,
    fromVersion: current,
    toVersion: input.version,
    kind,
    ...(gateOverride ? { gateOverride: gateOverride.reason } : {}),
  };
}

/**
 * Refuses a move the environment's evaluation gate does not allow (409 with the gate's state and
 * numbers), unless an actor with gate.override gives a reason; returns that override to record.
 * Checked here, inside the move's transaction, because every path (deploy, API deploy, review
 * promotion) moves the pointer through this function and the runs read are those the move commits
 * against. Emergency rollbacks are not gated: deployVersion lets them go only to a version this
 * environment ran before, and when production is on fire, waiting for an evaluation of the version
 * that was fine yesterday is the harm, not the safeguard.
 */
async function enforceGate(input: MovePointerInput) {
  if (input.kind === "emergency-rollback") return null;
  const check = await checkGate({
    tx: input.tx,
    projectId: input.projectId,
    environmentId: input.environment.id,
    promptId: input.prompt.id,
    version: input.version,
  });
  if (check.state === "none" || check.state === "passed") return null;
  const reason = input.gateOverrideReason?.trim();
  if (!reason)
    throw new AppError({
      code: "conflict",
      message: check.reason,
      details: { gate: { state: check.state, run: check.run ?? null } },
    });
  const actor = input.actor;
  if (!("role" in actor || "scopes" in actor) || !actorCan(actor, "gate.override"))
    throw new AppError({
      code: "forbidden",
      message: `Only admins and owners can override an evaluation gate. ${check.reason}`,
    });
  return {
    reason,
    state: check.state,
    gateReason: check.reason,
    run: check.run ? { number: check.run.number, rate: check.run.passRate } : null,
  };
}
