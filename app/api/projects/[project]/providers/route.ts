// GET /api/projects/[project]/providers – providers (keys masked) for the playground and settings
// POST /api/projects/[project]/providers – add one (ADMIN and up)
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listProviders } from "@/lib/providers/list-providers";
import { saveProvider } from "@/lib/providers/save-provider";
import { createProviderSchema } from "@/lib/validations/provider";

type Params = { project: string };

export const GET = apiRoute<Params>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "playground.run" });
  return { providers: await listProviders({ projectId: project.id }) };
});

export const POST = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "provider.manage" });
  const input = await parseBody(req, createProviderSchema);
  return saveProvider({ ctx, projectId: project.id, input });
});
