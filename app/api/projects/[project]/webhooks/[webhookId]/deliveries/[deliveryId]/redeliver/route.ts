// POST /api/projects/[project]/webhooks/[webhookId]/deliveries/[deliveryId]/redeliver – send an event again
import { apiRoute } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { redeliverWebhook } from "@/lib/webhooks/manage-webhooks";

export const POST = apiRoute<{ project: string; webhookId: string; deliveryId: string }>(async ({ params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "webhook.manage" });
  return redeliverWebhook({ ctx, projectId: access.project.id, webhookId: params.webhookId, deliveryId: params.deliveryId });
});
