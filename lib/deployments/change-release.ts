import "server-only";

import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { movePointer } from "@/lib/deployments/move-pointer";
import { AppError } from "@/lib/errors";
import { deliverNotificationEmails } from "@/lib/notifications/deliver-notification-emails";
import { notifyIfWithdrawn } from "@/lib/notifications/notify-rollback";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { parseArms, type Arm } from "@/lib/releases/arms";
import { releaseView } from "@/lib/releases/release-view";
import type { RequestContext } from "@/lib/request-context";

/** One step of a release, as the releases routes ask for it. */
export type ReleaseStep =
  | { kind: "start"; environmentSlug: string; arms: Arm[]; expectedVersion?: number | null }
  | { kind: "ramp"; releaseId: string; arms: Arm[]; expectedArms: Arm[] }
  | { kind: "promote"; releaseId: string; version: number; expectedArms?: Arm[] }
  | { kind: "abort"; releaseId: string; expectedArms?: Arm[] };

export type ChangeReleaseInput = {
  ctx: RequestContext;
  projectId: string;
  /** For links in notifications. */
  projectSlug: string;
  actor: Actor;
  promptId: string;
  step: ReleaseStep;
  reason?: string;
  /** ADMIN/OWNER only: past an evaluation gate that has not passed, with this reason. */
  gateOverrideReason?: string;
};

/**
 * Starts, ramps, promotes to 100 % or aborts a split directly (not through a review), in one
 * transaction through movePointer, which decides who may (protected environments take a split and
 * its ramps only through reviews; reviewers may abort there) and what is valid. Returns the release
 * after the step and the deployment that recorded it.
 */
export async function changeRelease(input: ChangeReleaseInput) {
  const { step } = input;
  const prompt = await getPromptOrThrow({ projectId: input.projectId, promptId: input.promptId, forWrite: true });
  const found =
    step.kind === "start"
      ? { environment: await environmentBySlug(input.projectId, step.environmentSlug), release: null }
      : await activeRelease(input.projectId, prompt.id, step.releaseId);
  const env = found.environment;
  const reason = input.reason?.trim() ?? "";

  const { deployment, notifications } = await servingTransaction(input.projectId, async (tx) => {
    const common = {
      tx,
      ctx: input.ctx,
      projectId: input.projectId,
      environment: env,
      prompt,
      actor: input.actor,
      reason,
      gateOverrideReason: input.gateOverrideReason,
    };
    const deployment = await movePointer({ ...common, ...moveOf(step, found.release) });
    // A release's steps name the release they belong to; a step that found another one active is refused.
    if (found.release && deployment.releaseId !== found.release.id)
      throw new AppError({ code: "conflict", message: "This split ended meanwhile; look again." });
    const notifications = await notifyIfWithdrawn({
      tx,
      projectId: input.projectId,
      projectSlug: input.projectSlug,
      environment: env,
      prompt,
      actor: input.actor,
      reason,
      deployment,
    });
    return { deployment, notifications };
  });
  void deliverNotificationEmails(notifications);
  const { release, ...rest } = deployment;
  return { release: release ? releaseView(release) : null, deployment: rest };
}

/** What a step asks movePointer for: a split to start or ramp to, a version to promote, or its base to go back to. */
function moveOf(step: ReleaseStep, release: { baseVersion: number } | null) {
  switch (step.kind) {
    case "start":
      return { kind: "deploy" as const, arms: step.arms, expectedVersion: step.expectedVersion, expectedArms: null };
    case "ramp":
      return { kind: "deploy" as const, arms: step.arms, expectedArms: step.expectedArms };
    case "promote":
      return { kind: "deploy" as const, version: step.version, expectedArms: step.expectedArms };
    case "abort":
      return { kind: "release-abort" as const, version: release!.baseVersion, expectedArms: step.expectedArms };
  }
}

async function environmentBySlug(projectId: string, slug: string) {
  const env = await db.environment.findUnique({ where: { projectId_slug: { projectId, slug } } });
  if (!env) throw new AppError({ code: "not_found", message: `No environment "${slug}" in this project.` });
  return env;
}

/** The release a ramp, promote or abort names: of this prompt, and still running. */
async function activeRelease(projectId: string, promptId: string, releaseId: string) {
  const release = await db.release.findFirst({
    where: { id: releaseId, projectId, promptId },
    include: { environment: true },
  });
  if (!release) throw new AppError({ code: "not_found", message: "No such release of this prompt." });
  if (release.status !== "active")
    throw new AppError({
      code: "conflict",
      message: `This split ended (${release.status === "promoted" ? `v${release.endVersion} was promoted to 100 %` : `aborted back to v${release.endVersion}`}); start a new one to split again.`,
      details: { status: release.status, endVersion: release.endVersion },
    });
  return { environment: release.environment, release: { ...release, arms: parseArms(release.arms) } };
}
