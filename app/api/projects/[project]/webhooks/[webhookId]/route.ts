// PATCH /api/projects/[project]/webhooks/[webhookId] – change URL, events, pause/resume; DELETE – remove it
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/manage-webhooks";
import { updateWebhookSchema } from "@/lib/validations/webhook";

type Params = { project: string; webhookId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "webhook.manage" });
  return updateWebhook({ ctx, projectId: access.project.id, webhookId: params.webhookId, changes: await parseBody(req, updateWebhookSchema) });
});

export const DELETE = apiRoute<Params>(async ({ params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "webhook.manage" });
  return deleteWebhook({ ctx, projectId: access.project.id, webhookId: params.webhookId });
});
