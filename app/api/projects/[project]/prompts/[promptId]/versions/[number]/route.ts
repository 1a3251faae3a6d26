// GET /api/projects/[project]/prompts/[promptId]/versions/[number] – one version, read-only
import { z } from "zod";
import { apiRoute } from "@/lib/http/api-route";
import { fromZodError } from "@/lib/errors";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";

export const GET = apiRoute<{ project: string; promptId: string; number: string }>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  const number = z.coerce.number().int().min(1, "Version numbers start at 1.").safeParse(params.number);
  if (!number.success) throw fromZodError(number.error);
  return getVersionOrThrow({ projectId: project.id, promptId: params.promptId, number: number.data });
});
