// GET /api/projects/[project]/eval-runs/[number]/export?format=csv|json – the results matrix as a file, streamed
import { exportEvalRun } from "@/lib/eval-results/export-eval-run";
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { exportEvalRunSchema } from "@/lib/validations/eval-results";

const route = "/api/projects/[project]/eval-runs/[number]/export";

export const GET = apiRoute(
  { route, action: "dataset.view", query: exportEvalRunSchema },
  async ({ params, access, query }) => {
    const { stream, filename } = await exportEvalRun({
      projectId: access.project.id,
      number: parseRouteInt({ value: params.number, name: "number" }),
      format: query.format,
      filter: query.filter,
      q: query.q,
    });
    return new Response(stream, {
      headers: {
        "content-type": query.format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
