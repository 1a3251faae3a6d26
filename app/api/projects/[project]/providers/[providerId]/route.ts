// PATCH /api/projects/[project]/providers/[providerId] – edit (an empty apiKey keeps the stored key)
// DELETE /api/projects/[project]/providers/[providerId] – remove
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { deleteProvider } from "@/lib/providers/delete-provider";
import { saveProvider } from "@/lib/providers/save-provider";
import { updateProviderSchema } from "@/lib/validations/provider";

type Params = { project: string; providerId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "provider.manage" });
  const input = await parseBody(req, updateProviderSchema);
  return saveProvider({ ctx, projectId: project.id, providerId: params.providerId, input });
});

export const DELETE = apiRoute<Params>(async ({ params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "provider.manage" });
  await deleteProvider({ ctx, projectId: project.id, providerId: params.providerId });
  return { ok: true };
});
