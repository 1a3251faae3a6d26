// GET /api/projects/[project]/webhooks – the project's webhooks; POST – add one (its secret is shown once)
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { createWebhook } from "@/lib/webhooks/manage-webhooks";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createWebhookSchema } from "@/lib/validations/webhook";

export const GET = apiRoute<{ project: string }>(async ({ params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "webhook.manage" });
  return { webhooks: await listWebhooks({ projectId: access.project.id }) };
});

export const POST = apiRoute<{ project: string }>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "webhook.manage" });
  return createWebhook({ ctx, projectId: access.project.id, creatorId: access.user.id, input: await parseBody(req, createWebhookSchema) });
});
