import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { EvalRunClient } from "@/components/evals/runs/eval-run-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getEvalRunDetail } from "@/lib/eval-results/get-eval-run-detail";
import { getEvalRunMatrix } from "@/lib/eval-results/get-eval-run-matrix";
import { listComparableRuns } from "@/lib/eval-results/list-comparable-runs";
import { parseRouteInt } from "@/lib/http/parse-route-int";

type Params = { project: string; number: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Eval run #${(await params).number}` };
}

export default async function EvalRunPage({ params }: { params: Promise<Params> }) {
  const { project, number } = await params;
  const access = await getPageAccess(project, "dataset.view");
  let runNumber: number;
  try {
    runNumber = parseRouteInt({ value: number, name: "number" });
  } catch {
    notFound();
  }
  const projectId = access.project.id;
  const [detail, matrix] = await Promise.all([
    getEvalRunDetail({ projectId, number: runNumber }),
    getEvalRunMatrix({ projectId, number: runNumber, query: {} }),
  ]).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const comparable =
    detail.run.status === "finished"
      ? await listComparableRuns({ projectId, datasetVersionId: detail.run.dataset.versionId, number: runNumber })
      : [];
  return (
    <div className="space-y-5">
      <Link href={`/p/${access.project.slug}/evals`} className="text-xs text-muted hover:text-ink">
        ← Evaluations
      </Link>
      <EvalRunClient
        projectSlug={access.project.slug}
        initial={detail}
        matrix={{ rows: matrix.rows, nextAfter: matrix.nextAfter }}
        comparable={comparable}
        mayCancel={can(access.role, "eval.run")}
      />
    </div>
  );
}
