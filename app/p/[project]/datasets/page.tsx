import type { Metadata } from "next";

import { DatasetsClient } from "@/components/datasets/datasets-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { listDatasets } from "@/lib/datasets/list-datasets";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<{ cursor?: string; archived?: string; q?: string }>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "dataset.view");
  const archived = search.archived === "true";
  const q = search.q?.trim().slice(0, 100) || undefined;
  // A cursor from the address bar is client input: a bad one shows the first page instead of an error page.
  const page = await listDatasets({ projectId: access.project.id, cursor: search.cursor, archived, q }).catch(() =>
    listDatasets({ projectId: access.project.id, archived, q }),
  );
  return (
    <DatasetsClient
      projectSlug={access.project.slug}
      datasets={page.datasets}
      nextCursor={page.nextCursor}
      archived={archived}
      q={q ?? ""}
      canEdit={can(access.role, "dataset.edit")}
    />
  );
}
