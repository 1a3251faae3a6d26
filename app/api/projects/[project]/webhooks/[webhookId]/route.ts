// PATCH /api/projects/[project]/webhooks/[webhookId] – change URL, events, pause/resume; DELETE – remove it
import { apiRoute } from "@/lib/http/api-route";
import { updateWebhookSchema } from "@/lib/validations/webhook";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/manage-webhooks";

const route = "/api/projects/[project]/webhooks/[webhookId]";

export const PATCH = apiRoute(
  { route, action: "webhook.manage", body: updateWebhookSchema },
  async ({ params, access, body, ctx }) =>
    updateWebhook({ ctx, projectId: access.project.id, webhookId: params.webhookId, changes: body }),
);

export const DELETE = apiRoute({ route, action: "webhook.manage" }, async ({ params, access, ctx }) =>
  deleteWebhook({ ctx, projectId: access.project.id, webhookId: params.webhookId }),
);
