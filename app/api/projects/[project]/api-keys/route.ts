// GET /api/projects/[project]/api-keys – the project's keys (never secrets); POST – create one, secret shown once
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { apiRoute } from "@/lib/http/api-route";
import { createApiKeySchema } from "@/lib/validations/api-key";
import { beforeIdQuerySchema } from "@/lib/validations/pagination";

const route = "/api/projects/[project]/api-keys";

export const GET = apiRoute({ route, action: "apikey.manage", query: beforeIdQuerySchema }, async ({ access, query }) =>
  listApiKeys({ projectId: access.project.id, before: query.before }),
);

export const POST = apiRoute(
  { route, action: "apikey.manage", body: createApiKeySchema },
  async ({ access, body, ctx }) =>
    createApiKey({
      ctx,
      projectId: access.project.id,
      creator: { id: access.actor.id, name: access.actor.name },
      input: body,
    }),
);
