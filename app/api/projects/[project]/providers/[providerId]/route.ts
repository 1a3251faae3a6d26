// PATCH /api/projects/[project]/providers/[providerId] – change the fields sent (an empty apiKey keeps the stored key)
// DELETE /api/projects/[project]/providers/[providerId] – remove
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { deleteProvider } from "@/lib/providers/delete-provider";
import { updateProvider } from "@/lib/providers/update-provider";
import { updateProviderSchema } from "@/lib/validations/provider";

type Params = { project: string; providerId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "provider.manage" });
  const changes = await parseBody(req, updateProviderSchema);
  return updateProvider({ ctx, projectId: project.id, providerId: params.providerId, changes });
});

export const DELETE = apiRoute<Params>(async ({ params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "provider.manage" });
  await deleteProvider({ ctx, projectId: project.id, providerId: params.providerId });
  return { ok: true };
});
