// POST /api/projects/[project]/prompts/[promptId]/deployments – point an environment at a version
// ({ environment, version, expectedVersion?, reason?, emergencyRollback?, gateOverrideReason? }); 409 if it
// moved meanwhile or its evaluation gate has not passed (admins may override with a reason)
import { deployVersion } from "@/lib/deployments/deploy-version";
import { apiRoute } from "@/lib/http/api-route";
import { deployRequestSchema } from "@/lib/validations/environment";

export const POST = apiRoute(
  {
    route: "/api/projects/[project]/prompts/[promptId]/deployments",
    action: "deployment.unprotected",
    body: deployRequestSchema,
  },
  async ({ params, access, body, ctx }) =>
    deployVersion({
      ctx,
      projectId: access.project.id,
      projectSlug: access.project.slug,
      actor: access.actor,
      environmentSlug: body.environment,
      promptId: params.promptId,
      version: body.version,
      expectedVersion: body.expectedVersion,
      reason: body.reason,
      emergencyRollback: body.emergencyRollback,
      gateOverrideReason: body.gateOverrideReason,
    }),
);
