import type { Metadata } from "next";

import { WebhooksClient } from "@/components/settings/webhooks-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listDeliveries, listWebhooks } from "@/lib/webhooks/list-webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<{ hook?: string; before?: string }>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "webhook.manage");
  const webhooks = await listWebhooks({ projectId: access.project.id });
  const selected = webhooks.find((w) => w.id === search.hook) ?? null;
  const deliveries = selected
    ? await listDeliveries({ projectId: access.project.id, webhookId: selected.id, before: search.before })
    : null;
  return (
    <WebhooksClient
      projectSlug={access.project.slug}
      webhooks={webhooks}
      selected={selected?.id ?? null}
      deliveries={deliveries}
    />
  );
}
