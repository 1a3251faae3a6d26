// GET /api/prompts – the API key's project's prompts: name, type, latest version, version per environment, tags
import { apiRoute } from "@/lib/http/api-route";
import { listServedPrompts } from "@/lib/serving/list-served-prompts";
import { listServedPromptsQuerySchema } from "@/lib/validations/serving";

export const GET = apiRoute(
  { route: "/api/prompts", auth: "api-key", action: "prompt.view", query: listServedPromptsQuerySchema },
  async ({ access, query }) => listServedPrompts({ projectId: access.project.id, query }),
);
