import type { Metadata } from "next";
import { headers } from "next/headers";

import { ApiKeysClient } from "@/components/settings/api-keys-client";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { publicOrigin } from "@/lib/http/public-origin";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { project } = await params;
  const { before } = await searchParams;
  const access = await getPageAccess(project, "apikey.manage");
  const page = await listApiKeys({ projectId: access.project.id, before });
  return <ApiKeysClient projectSlug={access.project.slug} origin={publicOrigin(await headers())} {...page} />;
}
