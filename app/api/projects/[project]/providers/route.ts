// GET /api/projects/[project]/providers – providers (keys masked) for the playground and settings
// POST /api/projects/[project]/providers – add one (ADMIN and up)
import { apiRoute } from "@/lib/http/api-route";
import { listProviders } from "@/lib/providers/list-providers";
import { saveProvider } from "@/lib/providers/save-provider";
import { createProviderSchema } from "@/lib/validations/provider";

const route = "/api/projects/[project]/providers";

export const GET = apiRoute({ route, action: "playground.run" }, async ({ access }) => ({
  providers: await listProviders({ projectId: access.project.id }),
}));

export const POST = apiRoute(
  { route, action: "provider.manage", body: createProviderSchema },
  async ({ access, body, ctx }) => saveProvider({ ctx, projectId: access.project.id, input: body }),
);
