// PATCH /api/projects/[project]/providers/[providerId] – change the fields sent (an empty apiKey keeps the stored key)
// DELETE /api/projects/[project]/providers/[providerId] – remove
import { apiRoute } from "@/lib/http/api-route";
import { deleteProvider } from "@/lib/providers/delete-provider";
import { updateProvider } from "@/lib/providers/update-provider";
import { updateProviderSchema } from "@/lib/validations/provider";

const route = "/api/projects/[project]/providers/[providerId]";

export const PATCH = apiRoute(
  { route, action: "provider.manage", body: updateProviderSchema },
  async ({ params, access, body, ctx }) =>
    updateProvider({ ctx, projectId: access.project.id, providerId: params.providerId, changes: body }),
);

export const DELETE = apiRoute({ route, action: "provider.manage" }, async ({ params, access, ctx }) => {
  await deleteProvider({ ctx, projectId: access.project.id, providerId: params.providerId });
  return { ok: true };
});
