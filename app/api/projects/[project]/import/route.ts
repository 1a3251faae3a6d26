// POST /api/projects/[project]/import – { format, content }: validate a whole export file, then write it
import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { importPrompts } from "@/lib/transfer/import-prompts";
import { transferFormatSchema } from "@/lib/validations/transfer";

export const POST = apiRoute<{ project: string }>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.edit" });
  const { format, content } = await parseBody(req, z.object({ format: transferFormatSchema, content: z.string().min(1, "The file is empty.") }));
  return importPrompts({ ctx, projectId: access.project.id, userId: access.user.id, format, text: content });
});
