// GET /api/projects/[project]/environments – environments in order, with how many prompts each serves
// POST /api/projects/[project]/environments – add one (ADMIN and up)
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listEnvironments } from "@/lib/environments/list-environments";
import { createEnvironment } from "@/lib/environments/manage-environments";
import { environmentInputSchema } from "@/lib/validations/environment";

type Params = { project: string };

export const GET = apiRoute<Params>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "environment.view" });
  return { environments: await listEnvironments({ projectId: project.id }) };
});

export const POST = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "environment.manage" });
  const input = await parseBody(req, environmentInputSchema);
  return createEnvironment({ ctx, projectId: project.id, ...input });
});
