// POST /api/projects/[project]/prompts/[promptId]/deployments – point an environment at a version
// ({ environment, version, expectedVersion?, reason?, emergencyRollback? }); 409 if it moved meanwhile
import { z } from "zod";
import { MAX_INT4 } from "@/lib/validations/int4";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { deployVersion } from "@/lib/deployments/deploy-version";

const deploySchema = z.object({
  environment: z.string().min(1, "Choose an environment."),
  version: z.number().int().min(1).max(MAX_INT4),
  expectedVersion: z.number().int().min(1).max(MAX_INT4).nullable().optional(),
  reason: z.string().max(1000).optional(),
  emergencyRollback: z.boolean().optional(),
});

export const POST = apiRoute<{ project: string; promptId: string }>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "deployment.unprotected" });
  const body = await parseBody(req, deploySchema);
  return deployVersion({
    ctx,
    projectId: access.project.id,
    projectSlug: access.project.slug,
    actor: { id: access.user.id, name: access.user.name, role: access.role },
    environmentSlug: body.environment,
    promptId: params.promptId,
    version: body.version,
    expectedVersion: body.expectedVersion,
    reason: body.reason,
    emergencyRollback: body.emergencyRollback,
  });
});
