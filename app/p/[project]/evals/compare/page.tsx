import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ColumnCards } from "@/components/evals/runs/column-cards";
import { ResultsMatrix } from "@/components/evals/runs/results-matrix";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { AppError } from "@/lib/errors";
import { compareEvalRuns } from "@/lib/eval-results/compare-eval-runs";
import { readPageInt } from "@/lib/http/read-page-int";

export const metadata: Metadata = { title: "Compare eval runs" };

export default async function CompareEvalRunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "dataset.view");
  const [a, b] = [readPageInt(search.a), readPageInt(search.b)];
  if (a === undefined || b === undefined) notFound();
  const base = `/p/${access.project.slug}/evals`;
  const comparison = await compareEvalRuns({ projectId: access.project.id, a, b, query: {} }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError) return error;
    throw error;
  });
  if (comparison instanceof AppError)
    return (
      <div className="space-y-4">
        <Link href={`${base}/${a}`} className="text-xs text-muted hover:text-ink">
          ← Eval run #{a}
        </Link>
        <Alert>{comparison.message}</Alert>
      </div>
    );
  return (
    <div className="space-y-5">
      <Link href={`${base}/${a}`} className="text-xs text-muted hover:text-ink">
        ← Eval run #{a}
      </Link>
      <PageHeader
        title={`Eval run #${a} vs #${b}`}
        description={
          <>
            {comparison.a.promptName} {comparison.a.label} against {comparison.b.promptName} {comparison.b.label}, over{" "}
            {comparison.dataset.name} v{comparison.dataset.version}. Regressions: rows #{a} passed and #{b} failed.
          </>
        }
      />
      <ColumnCards columns={comparison.columns} />
      <ResultsMatrix
        endpoint={`/api/projects/${access.project.slug}/eval-runs/compare?a=${a}&b=${b}`}
        columns={comparison.columns}
        initial={{ rows: comparison.rows, nextAfter: comparison.nextAfter }}
      />
    </div>
  );
}
