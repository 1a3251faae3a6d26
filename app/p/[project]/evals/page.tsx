import type { Metadata } from "next";
import Link from "next/link";

import { evalRunStatusLabel } from "@/components/evals/runs/eval-run-status";
import { EvalRunsList } from "@/components/evals/runs/eval-runs-list";
import { NewEvalRunForm } from "@/components/evals/runs/new-eval-run-form";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { listEvalRunChoices } from "@/lib/eval-results/list-eval-run-choices";
import { listEvalRuns } from "@/lib/eval-results/list-eval-runs";
import { evalRunStatuses, listEvalRunsSchema } from "@/lib/validations/eval-results";

export const metadata: Metadata = { title: "Evaluations" };

type Search = Record<string, string | undefined>;

export default async function EvalsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Search>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "dataset.view");
  const parsed = listEvalRunsSchema.safeParse({
    prompt: search.prompt || undefined,
    status: search.status || undefined,
    before: search.before || undefined,
  });
  const filter = parsed.success ? parsed.data : {};
  const mayRun = can(access.role, "eval.run");
  const [page, choices] = await Promise.all([
    listEvalRuns({ projectId: access.project.id, filter }),
    mayRun ? listEvalRunChoices({ projectId: access.project.id, userId: access.user.id }) : Promise.resolve(null),
  ]);
  const base = `/p/${access.project.slug}`;
  const query = (changes: Record<string, string | number | undefined>) => {
    const merged = { prompt: filter.prompt, status: filter.status, before: filter.before, ...changes };
    const qs = new URLSearchParams(
      Object.entries(merged)
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    return qs ? `?${qs}` : "";
  };
  const filtered = Boolean(filter.prompt || filter.status || filter.before);

  return (
    <>
      <PageHeader
        title="Evaluations"
        description="Run a prompt version over a dataset, score every row with evaluators, and see where it beats or loses to what production runs."
        actions={choices ? <NewEvalRunForm projectSlug={access.project.slug} choices={choices} /> : null}
      />
      <form method="get" action={`${base}/evals`} className="mb-4 flex flex-wrap items-end gap-3">
        <label className="space-y-1 text-xs text-muted">
          <span className="block">Status</span>
          <select
            name="status"
            defaultValue={filter.status ?? ""}
            className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink"
          >
            <option value="">Any</option>
            {evalRunStatuses.map((s) => (
              <option key={s} value={s}>
                {evalRunStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-xs text-muted">
          <span className="block">Prompt</span>
          <input
            type="search"
            name="prompt"
            defaultValue={filter.prompt ?? ""}
            placeholder="support/"
            className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink"
          />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {filtered ? (
          <Link href={`${base}/evals`} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </form>
      <EvalRunsList
        projectSlug={access.project.slug}
        initial={page}
        query={query({})}
        empty={
          filtered ? (
            "No run matches: change or clear the filters."
          ) : (
            <div className="space-y-2">
              <p className="font-medium text-ink">No evaluations yet</p>
              <p>
                An evaluation runs a prompt version over the rows of a{" "}
                <Link href={`${base}/datasets`} className="text-accent underline underline-offset-2">
                  dataset
                </Link>{" "}
                and scores each answer with your{" "}
                <Link href={`${base}/evaluators`} className="text-accent underline underline-offset-2">
                  evaluators
                </Link>
                , beside the version production runs now, so you see row by row where it got better or worse.
              </p>
              <p>
                {mayRun
                  ? "Create a dataset and an evaluator, then choose “New evaluation”."
                  : "Ask an editor to start one; you can read every result here."}
              </p>
            </div>
          )
        }
      />
      {page.nextBefore ? (
        <Link
          href={`${base}/evals${query({ before: page.nextBefore })}`}
          className={`${buttonClass("secondary")} mt-4`}
        >
          Older runs
        </Link>
      ) : null}
    </>
  );
}
