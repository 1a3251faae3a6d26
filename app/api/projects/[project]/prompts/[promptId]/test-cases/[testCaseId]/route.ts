// DELETE /api/projects/[project]/prompts/[promptId]/test-cases/[testCaseId]
import { apiRoute } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { deleteTestCase } from "@/lib/playground/test-cases";

export const DELETE = apiRoute<{ project: string; promptId: string; testCaseId: string }>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "playground.run" });
  await deleteTestCase({ projectId: project.id, promptId: params.promptId, testCaseId: params.testCaseId });
  return { ok: true };
});
