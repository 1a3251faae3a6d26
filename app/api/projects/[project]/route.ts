// PATCH /api/projects/[project] – rename a project
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { renameProject } from "@/lib/projects/rename-project";
import { renameProjectSchema } from "@/lib/validations/project";

export const PATCH = apiRoute<{ project: string }>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "project.rename" });
  const { name } = await parseBody(req, renameProjectSchema);
  return renameProject({ ctx, projectId: project.id, name });
});
