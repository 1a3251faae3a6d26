// GET /api/projects/[project]/webhooks/[webhookId]/deliveries – a webhook's deliveries, newest first (`before` pages)
import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listDeliveries } from "@/lib/webhooks/list-webhooks";

export const GET = apiRoute<{ project: string; webhookId: string }>(async ({ req, params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "webhook.manage" });
  return listDeliveries({ projectId: access.project.id, webhookId: params.webhookId, before: parseQuery(req, z.object({ before: z.string().optional() })).before });
});
