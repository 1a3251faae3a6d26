// PATCH /api/projects/[project] – rename a project
import { apiRoute } from "@/lib/http/api-route";
import { renameProject } from "@/lib/projects/rename-project";
import { renameProjectSchema } from "@/lib/validations/project";

export const PATCH = apiRoute(
  { route: "/api/projects/[project]", action: "project.rename", body: renameProjectSchema },
  async ({ access, body, ctx }) => renameProject({ ctx, projectId: access.project.id, name: body.name }),
);
