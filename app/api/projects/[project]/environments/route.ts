// GET /api/projects/[project]/environments – environments in order, with how many prompts each serves
// POST /api/projects/[project]/environments – add one (ADMIN and up)
import { listEnvironments } from "@/lib/environments/list-environments";
import { createEnvironment } from "@/lib/environments/manage-environments";
import { apiRoute } from "@/lib/http/api-route";
import { environmentInputSchema } from "@/lib/validations/environment";

const route = "/api/projects/[project]/environments";

export const GET = apiRoute({ route, action: "environment.view" }, async ({ access }) => ({
  environments: await listEnvironments({ projectId: access.project.id }),
}));

export const POST = apiRoute(
  { route, action: "environment.manage", body: environmentInputSchema },
  async ({ access, body, ctx }) => createEnvironment({ ctx, projectId: access.project.id, ...body }),
);
