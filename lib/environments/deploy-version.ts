import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type ProjectRole } from "@/lib/auth/permissions";
import type { RequestContext } from "@/lib/request-context";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";

export type DeployInput = {
  ctx: RequestContext;
  projectId: string;
  actor: { id: string; name: string; role: ProjectRole };
  environmentSlug: string;
  promptId: string;
  version: number;
  /** The version the person saw the environment run (null: none). A mismatch is a 409, never a silent overwrite. */
  expectedVersion?: number | null;
  reason?: string;
  /** ADMIN/OWNER only, protected environments only, back to a version that ran there before, with a reason. */
  emergencyRollback?: boolean;
};

const conflict = (current: number | null, envName: string) =>
  new AppError({
    code: "conflict",
    message: `${envName} changed meanwhile: it now runs ${current ? `version ${current}` : "no version"}. Look again before deploying.`,
    details: { currentVersion: current },
  });

/**
 * Moves an environment's pointer for one prompt and records the deployment, in one transaction.
 * Protected environments refuse direct deploys (they take versions through reviews); an admin may
 * roll one back in an emergency, with a reason. Concurrent deploys: exactly one wins, the others
 * get 409 with what the environment runs now.
 */
export async function deployVersion(input: DeployInput) {
  const prompt = await getPromptOrThrow({ projectId: input.projectId, promptId: input.promptId });
  const env = await db.environment.findUnique({ where: { projectId_slug: { projectId: input.projectId, slug: input.environmentSlug } } });
  if (!env) throw new AppError({ code: "not_found", message: `No environment "${input.environmentSlug}" in this project.` });
  const version = await db.promptVersion.findUnique({ where: { promptId_number: { promptId: prompt.id, number: input.version } } });
  if (!version) throw new AppError({ code: "not_found", message: `${prompt.name} has no version ${input.version}.` });
  const reason = input.reason?.trim() ?? "";

  if (env.protected) {
    if (!input.emergencyRollback) {
      throw new AppError({ code: "forbidden", message: `${env.name} is protected: a version gets there through an approved review. Admins can roll it back in an emergency, with a reason.` });
    }
    if (!can(input.actor.role, "deployment.emergency")) throw new AppError({ code: "forbidden", message: "Only admins and owners can make an emergency rollback." });
    if (!reason) throw new AppError({ code: "validation_failed", message: "Say why: an emergency rollback needs a reason.", details: { issues: [{ path: "reason", message: "An emergency rollback needs a reason." }] } });
    const ranBefore = await db.deployment.findFirst({ where: { environmentId: env.id, promptId: prompt.id, toVersion: input.version } });
    if (!ranBefore) throw new AppError({ code: "forbidden", message: `${env.name} never ran version ${input.version}; an emergency rollback only goes back to a version it ran before.` });
  } else if (!can(input.actor.role, "deployment.unprotected")) {
    throw new AppError({ code: "forbidden", message: "Your role cannot deploy." });
  }

  return db.$transaction(async (tx) => {
    const pointer = await tx.environmentPrompt.findUnique({ where: { environmentId_promptId: { environmentId: env.id, promptId: prompt.id } } });
    const current = pointer?.version ?? null;
    if (input.expectedVersion !== undefined && input.expectedVersion !== current) throw conflict(current, env.name);
    if (current === input.version) throw new AppError({ code: "conflict", message: `${env.name} already runs version ${input.version}.`, details: { currentVersion: current } });
    if (pointer) {
      const moved = await tx.environmentPrompt.updateMany({ where: { environmentId: env.id, promptId: prompt.id, version: current! }, data: { version: input.version } });
      if (moved.count === 0) throw conflict(null, env.name);
    } else {
      try {
        await tx.environmentPrompt.create({ data: { environmentId: env.id, promptId: prompt.id, version: input.version } });
      } catch (error) {
        if ((error as { code?: string }).code === "P2002") throw conflict(null, env.name);
        throw error;
      }
    }
    const kind = input.emergencyRollback ? "emergency-rollback" : current !== null && input.version < current ? "rollback" : "deploy";
    const deployment = await tx.deployment.create({
      data: { projectId: input.projectId, environmentId: env.id, promptId: prompt.id, promptName: prompt.name, fromVersion: current, toVersion: input.version, actorId: input.actor.id, actorName: input.actor.name, reason, kind },
    });
    await writeAuditEntry({
      tx,
      ctx: input.ctx,
      projectId: input.projectId,
      action: `deployment.${kind}`,
      target: { type: "prompt", id: prompt.id },
      before: { environment: env.slug, version: current },
      after: { environment: env.slug, version: input.version, ...(reason ? { reason } : {}) },
    });
    return { id: deployment.id, environment: env.slug, fromVersion: current, toVersion: input.version, kind };
  });
}
