// GET /api/projects/[project]/webhooks – the project's webhooks; POST – add one (its secret is shown once)
import { apiRoute } from "@/lib/http/api-route";
import { createWebhookSchema } from "@/lib/validations/webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createWebhook } from "@/lib/webhooks/manage-webhooks";

const route = "/api/projects/[project]/webhooks";

export const GET = apiRoute({ route, action: "webhook.manage" }, async ({ access }) => ({
  webhooks: await listWebhooks({ projectId: access.project.id }),
}));

export const POST = apiRoute(
  { route, action: "webhook.manage", body: createWebhookSchema },
  async ({ access, body, ctx }) =>
    createWebhook({ ctx, projectId: access.project.id, creatorId: access.actor.id, input: body }),
);
