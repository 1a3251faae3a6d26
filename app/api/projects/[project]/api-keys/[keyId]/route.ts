// DELETE /api/projects/[project]/api-keys/[keyId] – revoke a key, at once on every instance
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiRoute } from "@/lib/http/api-route";

const route = "/api/projects/[project]/api-keys/[keyId]";

export const DELETE = apiRoute({ route, action: "apikey.manage" }, async ({ params, access, ctx }) =>
  revokeApiKey({ ctx, projectId: access.project.id, keyId: params.keyId }),
);
