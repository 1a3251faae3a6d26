// POST /api/projects/[project]/prompts/[promptId]/releases/[releaseId]/abort – end a split back to the version the
// environment ran before it ({ reason?, expectedArms? }); in a protected environment reviewers, admins and owners may,
// without a review
import { changeRelease } from "@/lib/deployments/change-release";
import { apiRoute } from "@/lib/http/api-route";
import { abortReleaseSchema, parseReleaseId } from "@/lib/validations/release";

const route = "/api/projects/[project]/prompts/[promptId]/releases/[releaseId]/abort";

export const POST = apiRoute(
  { route, action: "deployment.unprotected", body: abortReleaseSchema },
  async ({ params, access, body, ctx }) =>
    changeRelease({
      ctx,
      projectId: access.project.id,
      projectSlug: access.project.slug,
      actor: access.actor,
      promptId: params.promptId,
      step: { kind: "abort", releaseId: parseReleaseId(params.releaseId), expectedArms: body.expectedArms },
      reason: body.reason,
    }),
);
