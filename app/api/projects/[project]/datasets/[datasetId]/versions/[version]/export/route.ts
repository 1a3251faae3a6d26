// GET /api/projects/[project]/datasets/[datasetId]/versions/[version]/export?format=csv|jsonl – a version's rows as a file
import { exportDatasetVersion } from "@/lib/datasets/export-dataset-version";
import { apiRoute } from "@/lib/http/api-route";
import { parseRouteInt } from "@/lib/http/parse-route-int";
import { datasetExportQuerySchema } from "@/lib/validations/dataset";

export const GET = apiRoute(
  {
    route: "/api/projects/[project]/datasets/[datasetId]/versions/[version]/export",
    action: "dataset.view",
    query: datasetExportQuerySchema,
  },
  async ({ params, access, query }) => {
    const file = await exportDatasetVersion({
      projectId: access.project.id,
      datasetId: params.datasetId,
      version: parseRouteInt({ value: params.version, name: "version" }),
      format: query.format,
    });
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
