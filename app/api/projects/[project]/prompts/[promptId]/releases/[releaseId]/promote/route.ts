// POST /api/projects/[project]/prompts/[promptId]/releases/[releaseId]/promote – one arm to 100 %, ending the split
// ({ version, expectedArms?, reason?, gateOverrideReason? }); protected environments promote through a review (403)
import { changeRelease } from "@/lib/deployments/change-release";
import { apiRoute } from "@/lib/http/api-route";
import { parseReleaseId, promoteReleaseSchema } from "@/lib/validations/release";

const route = "/api/projects/[project]/prompts/[promptId]/releases/[releaseId]/promote";

export const POST = apiRoute(
  { route, action: "deployment.unprotected", body: promoteReleaseSchema },
  async ({ params, access, body, ctx }) =>
    changeRelease({
      ctx,
      projectId: access.project.id,
      projectSlug: access.project.slug,
      actor: access.actor,
      promptId: params.promptId,
      step: {
        kind: "promote",
        releaseId: parseReleaseId(params.releaseId),
        version: body.version,
        expectedArms: body.expectedArms,
      },
      reason: body.reason,
      gateOverrideReason: body.gateOverrideReason,
    }),
);
