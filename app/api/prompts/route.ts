// GET /api/prompts – the API key's project's prompts: name, type, latest version, version per environment, tags
import { keyRoute } from "@/lib/http/key-route";
import { parseQuery } from "@/lib/http/api-route";
import { listServedPrompts } from "@/lib/serving/list-served-prompts";
import { listServedPromptsQuerySchema } from "@/lib/validations/serving";

export const GET = keyRoute("prompts:read", async ({ req, key }) => listServedPrompts({ projectId: key.projectId, query: parseQuery(req, listServedPromptsQuerySchema) }));
