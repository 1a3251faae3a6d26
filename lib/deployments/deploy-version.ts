import "server-only";

import { actorCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { movePointer } from "@/lib/deployments/move-pointer";
import { AppError } from "@/lib/errors";
import { deliverNotificationEmails } from "@/lib/notifications/deliver-notification-emails";
import { notifyIfWithdrawn } from "@/lib/notifications/notify-rollback";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import type { RequestContext } from "@/lib/request-context";

export type DeployInput = {
  ctx: RequestContext;
  projectId: string;
  /** For links in notifications. */
  projectSlug: string;
  actor: Actor;
  environmentSlug: string;
  promptId: string;
  version: number;
  /** The version the person saw the environment run (null: none). A mismatch is a 409, never a silent overwrite. */
  expectedVersion?: number | null;
  reason?: string;
  /** ADMIN/OWNER only, protected environments only, back to a version that ran there before, with a reason. */
  emergencyRollback?: boolean;
  /** ADMIN/OWNER only: deploy past an evaluation gate that has not passed, with this reason (stored on the deployment). */
  gateOverrideReason?: string;
};

/**
 * Moves an environment's pointer for one prompt and records the deployment, in one transaction.
 * Protected environments refuse direct deploys (they take versions through reviews); an admin may
 * roll one back in an emergency, with a reason. Concurrent deploys: exactly one wins, the others
 * get 409 with what the environment runs now.
 */
export async function deployVersion(input: DeployInput) {
  const prompt = await getPromptOrThrow({ projectId: input.projectId, promptId: input.promptId, forWrite: true });
  const env = await db.environment.findUnique({
    where: { projectId_slug: { projectId: input.projectId, slug: input.environmentSlug } },
  });
  if (!env)
    throw new AppError({ code: "not_found", message: `No environment "${input.environmentSlug}" in this project.` });
  const version = await db.promptVersion.findUnique({
    where: { promptId_number: { promptId: prompt.id, number: input.version } },
  });
  if (!version) throw new AppError({ code: "not_found", message: `${prompt.name} has no version ${input.version}.` });
  const reason = input.reason?.trim() ?? "";

  if (env.protected) {
    if (!input.emergencyRollback) {
      throw new AppError({
        code: "forbidden",
        message: `${env.name} is protected: a version gets there through an approved review. Admins can roll it back in an emergency, with a reason.`,
      });
    }
    if (!actorCan(input.actor, "deployment.emergency"))
      throw new AppError({ code: "forbidden", message: "Only admins and owners can make an emergency rollback." });
    if (!reason)
      throw new AppError({
        code: "validation_failed",
        message: "Say why: an emergency rollback needs a reason.",
        details: { issues: [{ path: "reason", message: "An emergency rollback needs a reason." }] },
      });
    const ranBefore = await db.deployment.findFirst({
      where: { environmentId: env.id, promptId: prompt.id, toVersion: input.version },
    });
    if (!ranBefore)
      throw new AppError({
        code: "conflict",
        message: `${env.name} never ran version ${input.version}; an emergency rollback only goes back to a version it ran before.`,
      });
  } else if (!actorCan(input.actor, "deployment.unprotected")) {
    throw new AppError({ code: "forbidden", message: "Your role cannot deploy." });
  }

  const { deployment, notifications } = await servingTransaction(input.projectId, async (tx) => {
    const deployment = await movePointer({
      tx,
      ctx: input.ctx,
      projectId: input.projectId,
      environment: env,
      prompt,
      actor: input.actor,
      version: input.version,
      expectedVersion: input.expectedVersion,
      reason,
      kind: input.emergencyRollback ? "emergency-rollback" : "deploy",
      gateOverrideReason: input.gateOverrideReason,
    });
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
  return deployment;
}
