// DELETE /api/projects/[project]/prompts/[promptId]/test-cases/[testCaseId]
import { apiRoute } from "@/lib/http/api-route";
import { deleteTestCase } from "@/lib/playground/test-cases";

export const DELETE = apiRoute(
  { route: "/api/projects/[project]/prompts/[promptId]/test-cases/[testCaseId]", action: "playground.run" },
  async ({ params, access }) => {
    await deleteTestCase({ projectId: access.project.id, promptId: params.promptId, testCaseId: params.testCaseId });
    return { ok: true };
  },
);
