// GET /api/projects/[project]/prompts/[promptId]/versions/[number] – one version, read-only
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";

export const GET = apiRoute(
  { route: "/api/projects/[project]/prompts/[promptId]/versions/[number]", action: "prompt.view" },
  async ({ params, access }) =>
    getVersionOrThrow({
      projectId: access.project.id,
      promptId: params.promptId,
      number: parseRouteInt({ value: params.number, name: "number" }),
    }),
);
