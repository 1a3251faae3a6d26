import type { Metadata } from "next";

import { PriceTable } from "@/components/settings/price-table";
import { ProvidersClient } from "@/components/settings/providers-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listProviders } from "@/lib/providers/list-providers";
import { listModelPrices } from "@/lib/providers/model-prices";

export const metadata: Metadata = { title: "Providers" };

export default async function ProvidersPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "provider.manage");
  return (
    <div className="space-y-10">
      <ProvidersClient
        projectSlug={access.project.slug}
        providers={await listProviders({ projectId: access.project.id })}
      />
      <PriceTable projectSlug={access.project.slug} initial={await listModelPrices({ projectId: access.project.id })} />
    </div>
  );
}
