// DELETE /api/projects/[project]/api-keys/[keyId] – revoke a key, at once on every instance
import { apiRoute } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export const DELETE = apiRoute<{ project: string; keyId: string }>(async ({ params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "apikey.manage" });
  return revokeApiKey({ ctx, projectId: access.project.id, keyId: params.keyId });
});
