import "server-only";

import type { AuditAction } from "@/lib/audit/audit-actions";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { actorCan, type Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { checkGate } from "@/lib/gates/check-gate";
import { describeArms, parseArms, type Arm } from "@/lib/releases/arms";
import {
  planPointerMove,
  type DeploymentKind,
  type MoveKind,
  type PlannedMove,
  type PointerState,
  type PointerTarget,
} from "@/lib/releases/plan-pointer-move";
import { sameArms } from "@/lib/releases/same-arms";
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
  /** The version the person saw the environment run (null: none). A mismatch is a 409, never a silent overwrite. */
  expectedVersion?: number | null;
  /** The split the person saw (null: none). A mismatch is a 409 with the split the environment runs now. */
  expectedArms?: Arm[] | null;
  reason: string;
  kind: MoveKind;
  review?: { id: string; number: number };
  /** An admin's reason to move past an evaluation gate that has not passed; unused when the gate passes. */
  gateOverrideReason?: string;
} & PointerTarget;

/** What the environment runs now, with the release's arms as stored (the guard of its update). */
type Current = PointerState & { release: (PointerState["release"] & { storedArms: unknown }) | null };

const conflict = (current: Current | null, envName: string) =>
  new AppError({
    code: "conflict",
    message: current
      ? `${envName} changed meanwhile: it now runs ${current.release ? describeArms(current.release.arms) : current.version ? `version ${current.version}` : "no version"}. Look again before deploying.`
      : `${envName} changed meanwhile. Look again before deploying.`,
    details: {
      currentVersion: current?.version ?? null,
      ...(current?.release ? { currentArms: current.release.arms, release: current.release.id } : {}),
    },
  });

/**
 * Moves an environment's pointer for one prompt and records the deployment, inside the caller's
 * transaction: the one gate every pointer move goes through (deploys, API deploys, Langfuse label
 * moves, review promotions, rollbacks and the four steps of a release).
 *
 * A move's target is a whole version or a split:
 * - a split with no release active starts one (release-start): the split must include what the
 *   environment runs now, which becomes the release's base (pointer.version stays on it, and an
 *   abort goes back to it);
 * - a split with a release active ramps it (release-ramp): the same versions with new weights. The
 *   release id seeds sticky assignment, so it stays; trying another version means a new release
 *   (promote or abort first), since a changed set of arms would reshuffle every unit anyway;
 * - a whole version with a release active ends it: release-abort and emergency rollbacks as
 *   "aborted", anything else (a deploy, a review's promotion, the release's promote) as "promoted",
 *   and only to one of its arms: deploying a version outside the split is refused (409), so nobody
 *   ends a canary by accident.
 * Of two concurrent moves exactly one wins (the pointer and the release are updated only if they
 * still hold what was read); the other gets 409 with what the environment runs now.
 * Run it inside servingTransaction, so every instance stops serving the old answer.
 */
export async function movePointer(input: MovePointerInput) {
  const { tx, environment: env, prompt } = input;
  const pointer = await tx.environmentPrompt.findUnique({
    where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } },
    include: { release: true },
  });
  const current: Current = {
    version: pointer?.version ?? null,
    release: pointer?.release
      ? {
          id: pointer.release.id,
          baseVersion: pointer.release.baseVersion,
          arms: parseArms(pointer.release.arms),
          storedArms: pointer.release.arms,
        }
      : null,
  };
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
    throw conflict(current, env.name);
  if (input.expectedArms !== undefined && !sameArms(input.expectedArms, current.release?.arms ?? null))
    throw conflict(current, env.name);

  if (input.arms) await assertVersionsExist(input, input.arms);
  const plan = planPointerMove({
    current,
    target: input.arms ? { arms: input.arms } : { version: input.version },
    kind: input.kind,
    environmentName: env.name,
    promptName: prompt.name,
  });
  await authorizeReleaseStep(input, plan.kind);
  const gateOverride = await enforceGates(input, plan.newVersions);

  const release = await writeRelease(input, current, plan);
  const releaseId = plan.endsRelease ? null : (release?.id ?? null);
  if (pointer) {
    const moved = await tx.environmentPrompt.updateMany({
      where: {
        environmentId: env.id,
        promptId: prompt.id,
        version: current.version!,
        releaseId: current.release?.id ?? null,
      },
      data: { version: plan.toVersion, releaseId },
    });
    if (moved.count === 0) throw conflict(null, env.name);
  } else {
    try {
      await tx.environmentPrompt.create({
        data: { environmentId: env.id, promptId: prompt.id, version: plan.toVersion },
      });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") throw conflict(null, env.name);
      throw error;
    }
  }

  const fromArms = current.release?.arms ?? null;
  const deployment = await tx.deployment.create({
    data: {
      projectId: input.projectId,
      environmentId: env.id,
      promptId: prompt.id,
      promptName: prompt.name,
      fromVersion: current.version,
      toVersion: plan.toVersion,
      actorId: input.actor.id,
      actorName: input.actor.name,
      reason: input.reason,
      kind: plan.kind,
      reviewId: input.review?.id ?? null,
      reviewNumber: input.review?.number ?? null,
      gateOverride: gateOverride?.reason ?? null,
      releaseId: release?.id ?? null,
      ...(plan.arms ? { arms: plan.arms } : {}),
      ...(fromArms ? { fromArms } : {}),
    },
  });
  const splitFields = (arms: Arm[] | null) => (arms ? { arms } : {});
  await writeAuditEntry({
    tx,
    ctx: input.ctx,
    projectId: input.projectId,
    action: auditActionOf(plan.kind),
    target: { type: "prompt", id: prompt.id },
    before: { environment: env.slug, version: current.version, ...splitFields(fromArms) },
    after: {
      environment: env.slug,
      version: plan.toVersion,
      ...splitFields(plan.arms),
      ...(release ? { release: release.id } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.review ? { review: input.review.number } : {}),
      ...(gateOverride ? { gateOverride: gateOverride.reason } : {}),
    },
  });
  if (gateOverride)
    for (const overridden of gateOverride.versions)
      await writeAuditEntry({
        tx,
        ctx: input.ctx,
        projectId: input.projectId,
        action: "deployment.gate-override",
        target: { type: "prompt", id: prompt.id },
        after: {
          environment: env.slug,
          version: overridden.version,
          deployment: deployment.id,
          reason: gateOverride.reason,
          gate: overridden.state,
          gateReason: overridden.gateReason,
          run: overridden.run,
        },
      });
  const backwards = plan.kind === "rollback" || plan.kind === "emergency-rollback" || plan.kind === "release-abort";
  await enqueueWebhookEvent({
    tx,
    projectId: input.projectId,
    event: backwards ? "prompt.rolled_back" : "prompt.deployed",
    data: {
      prompt: prompt.name,
      environment: env.slug,
      fromVersion: current.version,
      toVersion: plan.toVersion,
      kind: plan.kind,
      actor: input.actor.name,
      reason: input.reason,
      review: input.review?.number ?? null,
      // A step of a release also says which, and the split before and after it (null: a whole version).
      ...(release ? { release: release.id, arms: plan.arms, fromArms } : {}),
    },
  });
  // Open reviews into this environment now compare against a new base: their approvals may be stale.
  await refreshOpenReviews({ tx, environmentId: env.id, promptId: prompt.id });
  return {
    id: deployment.id,
    environment: env.slug,
    fromVersion: current.version,
    toVersion: plan.toVersion,
    kind: plan.kind,
    releaseId: release?.id ?? null,
    arms: plan.arms,
    fromArms,
    ...(release ? { release } : {}),
    ...(gateOverride ? { gateOverride: gateOverride.reason } : {}),
  };
}

/**
 * Who may take a release's steps, checked here because every path (the releases routes, a review's
 * promotion, a deploy onto a split) comes through. Unprotected environments: anyone who may deploy
 * there. Protected ones: starting, ramping and promoting to 100 % need an approved review (the
 * review's promotion passes `review`, having checked its approvals). Aborting back to the base does
 * not: it returns to the version the environment ran before the split, which its reviewers had
 * approved, and a canary going wrong must be stopped now, not after a review. So it is left to those
 * who could promote that version anyway (reviewers, admins, owners: review.promote), not to editors;
 * no reason is required (the step is audited and notifies the people behind the split).
 */
async function assertVersionsExist(input: MovePointerInput, arms: Arm[]) {
  const versions = arms.map((arm) => arm.version);
  const found = await input.tx.promptVersion.findMany({
    where: { promptId: input.prompt.id, number: { in: versions } },
    select: { number: true },
  });
  const missing = versions.filter((v) => !found.some((f) => f.number === v));
  if (missing.length)
    throw validationError(missing.map((v) => ({ path: "arms", message: `${input.prompt.name} has no version ${v}.` })));
}

async function authorizeReleaseStep(input: MovePointerInput, kind: DeploymentKind) {
  if (!kind.startsWith("release-") || input.review) return;
  const env = await input.tx.environment.findUniqueOrThrow({
    where: { id: input.environment.id },
    select: { protected: true, name: true },
  });
  const actor = input.actor;
  const may = (action: "deployment.unprotected" | "review.promote") =>
    ("role" in actor || "scopes" in actor) && actorCan(actor, action);
  if (!env.protected) {
    if (!may("deployment.unprotected"))
      throw new AppError({ code: "forbidden", message: "Your role cannot change what an environment runs." });
    return;
  }
  if (kind === "release-abort") {
    if (!may("review.promote"))
      throw new AppError({
        code: "forbidden",
        message: `${env.name} is protected: reviewers, admins and owners can abort a split there.`,
      });
    return;
  }
  throw new AppError({
    code: "forbidden",
    message: `${env.name} is protected: a split and each change of it get there through an approved review. Request a review with the split (arms).`,
  });
}

function auditActionOf(kind: DeploymentKind): AuditAction {
  switch (kind) {
    case "release-start":
      return "release.start";
    case "release-ramp":
      return "release.ramp";
    case "release-promote":
      return "release.promote";
    case "release-abort":
      return "release.abort";
    default:
      return `deployment.${kind}`;
  }
}

/** Creates, ramps or ends the release the move concerns; returns it (null when no release is involved). */
async function writeRelease(input: MovePointerInput, current: Current, plan: PlannedMove) {
  const { tx } = input;
  if (plan.kind === "release-start")
    return tx.release.create({
      data: {
        projectId: input.projectId,
        environmentId: input.environment.id,
        promptId: input.prompt.id,
        baseVersion: plan.toVersion,
        arms: plan.arms!,
        createdById: input.actor.id,
        createdByName: input.actor.name,
      },
    });
  const release = current.release;
  if (!release) return null;
  // Guarded by what was read: a concurrent ramp or end of the same release leaves nothing to update.
  const where = { id: release.id, status: "active", arms: { equals: release.storedArms as object } };
  const moved = await tx.release.updateMany({
    where,
    data: plan.endsRelease
      ? { status: plan.endsRelease.status, endVersion: plan.toVersion, endedAt: new Date() }
      : { arms: plan.arms! },
  });
  if (moved.count === 0) throw conflict(null, input.environment.name);
  return tx.release.findUniqueOrThrow({ where: { id: release.id } });
}

type GateOverride = {
  reason: string;
  versions: Array<{
    version: number;
    state: string;
    gateReason: string;
    run: { number: number; rate: number | null } | null;
  }>;
};

/**
 * Refuses a move the environment's evaluation gate does not allow (409 with the gate's state and
 * numbers), unless an actor with gate.override gives a reason; returns that override to record.
 * Every version new to the environment is checked (a split's new arms like a deploy of each).
 * Checked here, inside the move's transaction, because every path moves the pointer through this
 * function and the runs read are those the move commits against. Emergency rollbacks and aborts are
 * not gated: they go back to a version this environment ran before, and when production is on fire,
 * waiting for an evaluation of the version that was fine yesterday is the harm, not the safeguard.
 */
async function enforceGates(input: MovePointerInput, versions: number[]): Promise<GateOverride | null> {
  const failing: GateOverride["versions"] = [];
  for (const version of versions) {
    const check = await checkGate({
      tx: input.tx,
      projectId: input.projectId,
      environmentId: input.environment.id,
      promptId: input.prompt.id,
      version,
    });
    if (check.state === "none" || check.state === "passed") continue;
    const reason = input.gateOverrideReason?.trim();
    if (!reason)
      throw new AppError({
        code: "conflict",
        message: check.reason,
        details: { gate: { state: check.state, run: check.run ?? null }, version },
      });
    const actor = input.actor;
    if (!("role" in actor || "scopes" in actor) || !actorCan(actor, "gate.override"))
      throw new AppError({
        code: "forbidden",
        message: `Only admins and owners can override an evaluation gate. ${check.reason}`,
      });
    failing.push({
      version,
      state: check.state,
      gateReason: check.reason,
      run: check.run ? { number: check.run.number, rate: check.run.passRate } : null,
    });
  }
  return failing.length ? { reason: input.gateOverrideReason!.trim(), versions: failing } : null;
}
