// GET /api/projects/[project]/export?format=yaml|json[&prompt=name] – prompts with every version, as a file
import { apiRoute } from "@/lib/http/api-route";
import { exportPrompts } from "@/lib/transfer/export-prompts";
import { exportQuerySchema } from "@/lib/validations/transfer";

export const GET = apiRoute(
  { route: "/api/projects/[project]/export", action: "prompt.view", query: exportQuerySchema },
  async ({ access, query }) => {
    const { body, filename } = await exportPrompts({
      projectId: access.project.id,
      projectSlug: access.project.slug,
      format: query.format,
      promptName: query.prompt,
    });
    return new Response(body, {
      headers: {
        "content-type": query.format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
