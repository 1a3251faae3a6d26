// POST /api/projects/[project]/import – { format, content }: validate a whole export file, then write it
import { apiRoute } from "@/lib/http/api-route";
import { importPrompts } from "@/lib/transfer/import-prompts";
import { importRequestSchema } from "@/lib/validations/transfer";

export const POST = apiRoute(
  { route: "/api/projects/[project]/import", action: "prompt.edit", body: importRequestSchema },
  async ({ access, body, ctx }) =>
    importPrompts({
      ctx,
      projectId: access.project.id,
      userId: access.actor.id,
      format: body.format,
      text: body.content,
    }),
);
