// GET /api/projects/[project]/webhooks/[webhookId]/deliveries – a webhook's deliveries, newest first (`before` pages)
import { apiRoute } from "@/lib/http/api-route";
import { beforeIdQuerySchema } from "@/lib/validations/pagination";
import { listDeliveries } from "@/lib/webhooks/list-webhooks";

export const GET = apiRoute(
  {
    route: "/api/projects/[project]/webhooks/[webhookId]/deliveries",
    action: "webhook.manage",
    query: beforeIdQuerySchema,
  },
  async ({ params, access, query }) =>
    listDeliveries({ projectId: access.project.id, webhookId: params.webhookId, before: query.before }),
);
