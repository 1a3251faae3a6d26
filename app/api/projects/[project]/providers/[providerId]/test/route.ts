// POST /api/projects/[project]/providers/[providerId]/test – list the provider's models, or its error
import { apiRoute } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { testProvider } from "@/lib/providers/test-provider";

export const POST = apiRoute<{ project: string; providerId: string }>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "playground.run" });
  return testProvider({ projectId: project.id, providerId: params.providerId });
});
