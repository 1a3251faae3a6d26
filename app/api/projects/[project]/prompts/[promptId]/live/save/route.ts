// POST /api/projects/[project]/prompts/[promptId]/live/save – save the shared working copy as the next version (409 if a newer one exists)
import { NextResponse } from "next/server";

import { saveLiveVersion } from "@/lib/collab/storage/save-live-version";
import { apiRoute } from "@/lib/http/api-route";
import { saveLiveVersionSchema } from "@/lib/validations/prompt";

const route = "/api/projects/[project]/prompts/[promptId]/live/save";

export const POST = apiRoute(
  { route, action: "prompt.edit", body: saveLiveVersionSchema },
  async ({ params, access, body, ctx }) =>
    NextResponse.json(
      await saveLiveVersion({
        ctx,
        projectId: access.project.id,
        promptId: params.promptId,
        authorId: access.actor.id,
        ...body,
      }),
      { status: 201 },
    ),
);
