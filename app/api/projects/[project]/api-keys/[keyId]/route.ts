// DELETE /api/projects/[project]/api-keys/[keyId] – revoke a key, at once on every instance
import { apiRoute } from "@/lib/http/api-route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

const route = "/api/projects/[project]/api-keys/[keyId]";

export const DELETE = apiRoute({ route, action: "apikey.manage" }, async ({ params, access, ctx }) => revokeApiKey({ ctx, projectId: access.project.id, keyId: params.keyId }));
