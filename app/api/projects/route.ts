// POST /api/projects – create a project (the creator becomes its owner)
import { apiRoute } from "@/lib/http/api-route";
import { createProject } from "@/lib/projects/create-project";
import { createProjectSchema } from "@/lib/validations/project";

export const POST = apiRoute(
  { route: "/api/projects", auth: "user", body: createProjectSchema },
  async ({ user, body, ctx }) => createProject({ ctx, userId: user.id, name: body.name }),
);
