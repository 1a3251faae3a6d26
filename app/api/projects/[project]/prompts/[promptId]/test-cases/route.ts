// GET /api/projects/[project]/prompts/[promptId]/test-cases – saved variable values
// POST /api/projects/[project]/prompts/[promptId]/test-cases – save values under a name
import { apiRoute } from "@/lib/http/api-route";
import { listTestCases, saveTestCase } from "@/lib/playground/test-cases";
import { saveTestCaseSchema } from "@/lib/validations/prompt";

const route = "/api/projects/[project]/prompts/[promptId]/test-cases";

export const GET = apiRoute({ route, action: "prompt.view" }, async ({ params, access }) => ({
  testCases: await listTestCases({ projectId: access.project.id, promptId: params.promptId }),
}));

export const POST = apiRoute(
  { route, action: "playground.run", body: saveTestCaseSchema },
  async ({ params, access, body }) =>
    saveTestCase({ projectId: access.project.id, promptId: params.promptId, userId: access.actor.id, ...body }),
);
