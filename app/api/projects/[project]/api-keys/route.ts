// GET /api/projects/[project]/api-keys – the project's keys (never secrets); POST – create one, secret shown once
import { z } from "zod";
import { apiRoute, parseBody, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeySchema } from "@/lib/validations/api-key";

export const GET = apiRoute<{ project: string }>(async ({ req, params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "apikey.manage" });
  return listApiKeys({ projectId: access.project.id, before: parseQuery(req, z.object({ before: z.string().optional() })).before });
});

export const POST = apiRoute<{ project: string }>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "apikey.manage" });
  const input = await parseBody(req, createApiKeySchema);
  return createApiKey({ ctx, projectId: access.project.id, creator: { id: access.user.id, name: access.user.name }, input });
});
