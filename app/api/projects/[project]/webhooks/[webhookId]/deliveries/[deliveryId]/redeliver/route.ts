// POST /api/projects/[project]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver – send an event again
import { apiRoute } from "@/lib/http/api-route";
import { redeliverWebhook } from "@/lib/webhooks/manage-webhooks";

export const POST = apiRoute(
  { route: "/api/projects/[project]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver", action: "webhook.manage" },
  async ({ params, access, ctx }) =>
    redeliverWebhook({ ctx, projectId: access.project.id, webhookId: params.webhookId, deliveryId: params.deliveryId }),
);
