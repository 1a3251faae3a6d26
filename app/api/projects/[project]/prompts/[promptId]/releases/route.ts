// POST /api/projects/[project]/prompts/[promptId]/releases – start a split ({ environment, arms, expectedVersion?,
// reason?, gateOverrideReason? }) in an unprotected environment → 201 { release, deployment }; protected ones take
// splits through reviews (403)
import { NextResponse } from "next/server";

import { changeRelease } from "@/lib/deployments/change-release";
import { apiRoute } from "@/lib/http/api-route";
import { startReleaseSchema } from "@/lib/validations/release";

const route = "/api/projects/[project]/prompts/[promptId]/releases";

export const POST = apiRoute(
  { route, action: "deployment.unprotected", body: startReleaseSchema },
  async ({ params, access, body, ctx }) =>
    NextResponse.json(
      await changeRelease({
        ctx,
        projectId: access.project.id,
        projectSlug: access.project.slug,
        actor: access.actor,
        promptId: params.promptId,
        step: {
          kind: "start",
          environmentSlug: body.environment,
          arms: body.arms,
          expectedVersion: body.expectedVersion,
        },
        reason: body.reason,
        gateOverrideReason: body.gateOverrideReason,
      }),
      { status: 201 },
    ),
);
