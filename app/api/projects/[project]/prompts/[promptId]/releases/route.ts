// GET /api/projects/[project]/prompts/[promptId]/releases – what each environment runs (a version or
// an active split with its steps, reviews waiting) and ended releases, newest first (?before=<release id>)
// POST – start a split ({ environment, arms, expectedVersion?, reason?, gateOverrideReason? }) in an
// unprotected environment → 201 { release, deployment }; protected ones take splits through reviews (403)
import { NextResponse } from "next/server";

import { changeRelease } from "@/lib/deployments/change-release";
import { apiRoute } from "@/lib/http/api-route";
import { getReleasesOverview } from "@/lib/releases/get-releases-overview";
import { beforeIdQuerySchema } from "@/lib/validations/pagination";
import { startReleaseSchema } from "@/lib/validations/release";

const route = "/api/projects/[project]/prompts/[promptId]/releases";

export const GET = apiRoute(
  { route, action: "prompt.view", query: beforeIdQuerySchema },
  async ({ params, access, query }) =>
    getReleasesOverview({ projectId: access.project.id, promptId: params.promptId, before: query.before }),
);

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
