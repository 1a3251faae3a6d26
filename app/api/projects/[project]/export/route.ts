// GET /api/projects/[project]/export?format=yaml|json[&prompt=name] – prompts with every version, as a file
import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { exportPrompts } from "@/lib/transfer/export-prompts";
import { transferFormatSchema } from "@/lib/validations/transfer";

export const GET = apiRoute<{ project: string }>(async ({ req, params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "prompt.view" });
  const query = parseQuery(req, z.object({ format: transferFormatSchema.default("yaml"), prompt: z.string().max(200).optional() }));
  const { body, filename } = await exportPrompts({ projectId: project.id, projectSlug: project.slug, format: query.format, promptName: query.prompt });
  return new Response(body, {
    headers: {
      "content-type": query.format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
