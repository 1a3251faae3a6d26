import type { Metadata } from "next";

import { EvaluatorsClient } from "@/components/evals/evaluators/evaluators-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { listEvaluatorKinds } from "@/lib/evaluators/list-evaluator-kinds";
import { listEvaluators } from "@/lib/evaluators/list-evaluators";
import { listProviders } from "@/lib/providers/list-providers";

export const metadata: Metadata = { title: "Evaluators" };

export default async function EvaluatorsPage({
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
  const page = await listEvaluators({ projectId: access.project.id, cursor: search.cursor, archived, q }).catch(() =>
    listEvaluators({ projectId: access.project.id, archived, q }),
  );
  const providers = await listProviders({ projectId: access.project.id });
  return (
    <EvaluatorsClient
      projectSlug={access.project.slug}
      evaluators={page.evaluators}
      nextCursor={page.nextCursor}
      archived={archived}
      q={q ?? ""}
      kinds={listEvaluatorKinds().kinds}
      providers={providers.map((p) => ({ id: p.id, name: p.name }))}
      canEdit={can(access.role, "evaluator.edit")}
      canTry={can(access.role, "eval.run")}
    />
  );
}
