// GET /api/projects/[project]/prompts/[promptId]/releases/[releaseId] – one release: its split, steps,
// requests per arm over time and feedback per arm
import { apiRoute } from "@/lib/http/api-route";
import { getReleaseDetail } from "@/lib/releases/get-release-detail";

export const GET = apiRoute(
  { route: "/api/projects/[project]/prompts/[promptId]/releases/[releaseId]", action: "prompt.view" },
  async ({ params, access }) =>
    getReleaseDetail({ projectId: access.project.id, promptId: params.promptId, releaseId: params.releaseId }),
);
