// POST /api/projects – create a project (the creator becomes its owner)
import { apiRoute, parseBody, requireUser } from "@/lib/http/api-route";
import { createProject } from "@/lib/projects/create-project";
import { createProjectSchema } from "@/lib/validations/project";

export const POST = apiRoute(async ({ req, user, ctx }) => {
  const me = requireUser(user);
  const { name } = await parseBody(req, createProjectSchema);
  return createProject({ ctx, userId: me.id, name });
});
