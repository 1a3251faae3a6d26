// POST /api/projects/[project]/providers/[providerId]/test – list the provider's models, or its error
import { apiRoute } from "@/lib/http/api-route";
import { testProvider } from "@/lib/providers/test-provider";

export const POST = apiRoute(
  { route: "/api/projects/[project]/providers/[providerId]/test", action: "playground.run" },
  async ({ params, access }) => testProvider({ projectId: access.project.id, providerId: params.providerId }),
);
