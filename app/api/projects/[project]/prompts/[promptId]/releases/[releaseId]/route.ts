// PATCH /api/projects/[project]/prompts/[promptId]/releases/[releaseId] – ramp a split: new weights for the same
// versions ({ arms, expectedArms, reason?, gateOverrideReason? }); 409 with the current split if it changed meanwhile
import { changeRelease } from "@/lib/deployments/change-release";
import { apiRoute } from "@/lib/http/api-route";
import { parseReleaseId, rampReleaseSchema } from "@/lib/validations/release";

const route = "/api/projects/[project]/prompts/[promptId]/releases/[releaseId]";

export const PATCH = apiRoute(
  { route, action: "deployment.unprotected", body: rampReleaseSchema },
  async ({ params, access, body, ctx }) =>
    changeRelease({
      ctx,
      projectId: access.project.id,
      projectSlug: access.project.slug,
      actor: access.actor,
      promptId: params.promptId,
      step: {
        kind: "ramp",
        releaseId: parseReleaseId(params.releaseId),
        arms: body.arms,
        expectedArms: body.expectedArms,
      },
      reason: body.reason,
      gateOverrideReason: body.gateOverrideReason,
    }),
);
