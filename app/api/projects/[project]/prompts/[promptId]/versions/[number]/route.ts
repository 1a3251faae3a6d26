// GET /api/projects/[project]/prompts/[promptId]/versions/[number] – one version, read-only
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";

export const GET = apiRoute<{ project: string; promptId: string; number: string }>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  return getVersionOrThrow({ projectId: project.id, promptId: params.promptId, number: parseRouteInt({ value: params.number, name: "number" }) });
});
