// GET /api/projects/[project]/prompts/[promptId]/test-cases – saved variable values
// POST /api/projects/[project]/prompts/[promptId]/test-cases – save values under a name
import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listTestCases, saveTestCase } from "@/lib/playground/test-cases";

type Params = { project: string; promptId: string };

export const GET = apiRoute<Params>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  return { testCases: await listTestCases({ projectId: project.id, promptId: params.promptId }) };
});

export const POST = apiRoute<Params>(async ({ req, params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "playground.run" });
  const body = await parseBody(req, z.object({ name: z.string().trim().min(1, "Name the test case.").max(100, "Use at most 100 characters."), values: z.record(z.string(), z.json()) }));
  return saveTestCase({ projectId: access.project.id, promptId: params.promptId, userId: access.user.id, ...body });
});
