// POST /api/projects/[project]/prompts/[promptId]/live/reset – make the shared working copy hold a version's content again
import { resetLiveDocument } from "@/lib/collab/storage/reset-live-document";
import { apiRoute } from "@/lib/http/api-route";
import { resetLiveDocumentSchema } from "@/lib/validations/prompt";

const route = "/api/projects/[project]/prompts/[promptId]/live/reset";

export const POST = apiRoute(
  { route, action: "prompt.edit", body: resetLiveDocumentSchema },
  async ({ params, access, body }) =>
    resetLiveDocument({
      projectId: access.project.id,
      promptId: params.promptId,
      version: body.version,
      userId: access.actor.id,
    }),
);
