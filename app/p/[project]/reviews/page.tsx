import type { Metadata } from "next";
import Link from "next/link";

import { ReviewStatus, statusLabel } from "@/components/reviews/review-status";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { EnvironmentBadge } from "@/components/ui/environment-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listEnvironments } from "@/lib/environments/list-environments";
import { countReviewsToDo } from "@/lib/reviews/count-reviews-to-do";
import { describeReviewTarget } from "@/lib/reviews/describe-review-target";
import { listReviews } from "@/lib/reviews/list-reviews";
import { listReviewsSchema, reviewStatuses } from "@/lib/validations/review";

export const metadata: Metadata = { title: "Reviews" };

type Search = Record<string, string | undefined>;

export default async function ReviewsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Search>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "review.view");
  // With no tab chosen, open on what waits for this person, if anything does.
  const scope =
    search.scope ??
    ((await countReviewsToDo({ projectId: access.project.id, userId: access.user.id })) > 0 ? "to-review" : "all");
  const parsed = listReviewsSchema.safeParse({
    ...search,
    scope,
    status: search.status || undefined,
    environment: search.environment || undefined,
    prompt: search.prompt || undefined,
  });
  const filter = parsed.success ? parsed.data : listReviewsSchema.parse({});
  const [{ reviews, nextBefore }, environments] = await Promise.all([
    listReviews({ projectId: access.project.id, userId: access.user.id, filter }),
    listEnvironments({ projectId: access.project.id }),
  ]);
  const base = `/p/${access.project.slug}/reviews`;
  const query = (changes: Record<string, string | undefined>) => {
    const merged = {
      scope: filter.scope,
      status: filter.status,
      environment: filter.environment,
      prompt: filter.prompt,
      ...changes,
    };
    const qs = new URLSearchParams(Object.entries(merged).filter(([, v]) => v) as Array<[string, string]>).toString();
    return qs ? `${base}?${qs}` : base;
  };
  const tabs = [
    { scope: "to-review", label: "To review" },
    { scope: "mine", label: "Mine, waiting" },
    { scope: "all", label: "All" },
  ] as const;
  const filtered = Boolean(filter.status || filter.environment || filter.prompt || filter.before);

  return (
    <>
      <PageHeader
        title="Reviews"
        description="Requests to promote a prompt version to an environment: the diff, the discussion, the approvals."
      />
      <nav aria-label="Reviews" className="mb-4 flex gap-1 overflow-x-auto border-b border-line whitespace-nowrap">
        {tabs.map((t) => (
          <Link
            key={t.scope}
            href={query({ scope: t.scope, before: undefined })}
            aria-current={filter.scope === t.scope ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${filter.scope === t.scope ? "border-accent font-medium" : "border-transparent text-muted hover:text-ink"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="scope" value={filter.scope} />
        <label className="space-y-1 text-xs text-muted">
          <span className="block">Status</span>
          <select
            name="status"
            defaultValue={filter.status ?? ""}
            className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink"
          >
            <option value="">{filter.scope === "all" ? "Any" : "Open, changes requested or approved"}</option>
            {reviewStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-xs text-muted">
          <span className="block">Environment</span>
          <select
            name="environment"
            defaultValue={filter.environment ?? ""}
            className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm text-ink"
          >
            <option value="">Any</option>
            {environments.map((e) => (
              <option key={e.slug} value={e.slug}>
                {e.name}
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
          <Link
            href={query({ status: undefined, environment: undefined, prompt: undefined, before: undefined })}
            className={buttonClass("ghost")}
          >
            Clear
          </Link>
        ) : null}
      </form>
      {reviews.length === 0 ? (
        <EmptyState
          title={
            filtered
              ? "No review matches"
              : filter.scope === "to-review"
                ? "Nothing waits for you"
                : filter.scope === "mine"
                  ? "You have no open review"
                  : "No reviews yet"
          }
        >
          {filtered
            ? "Change or clear the filters."
            : "To ask for one, open a prompt's version (History → a version) and choose “Request review”, or use “Request review” in the editor. The reviewers you choose see the diff against what the environment runs now."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="review-list">
          {reviews.map((r) => (
            <li key={r.number} className="flex items-start gap-3 px-4 py-3 md:items-center">
              <span className="hidden w-10 shrink-0 font-mono text-xs text-muted sm:block">#{r.number}</span>
              <div className="min-w-0 flex-1">
                <Link
                  href={`${base}/${r.number}`}
                  title={r.title}
                  className="block truncate font-medium hover:underline"
                >
                  {r.title}
                </Link>
                <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted md:flex-nowrap">
                  <span className="min-w-0 truncate font-mono" title={r.promptName}>
                    {r.promptName}
                  </span>
                  <span className="shrink-0 whitespace-nowrap">
                    {describeReviewTarget(r)} → <EnvironmentBadge slug={r.environmentSlug} name={r.environment} />
                  </span>
                  <span
                    className="min-w-0 truncate"
                    title={`Opened by ${r.author}; reviewers: ${r.reviewers.join(", ")}; ${r.environment} ran ${r.baseVersion ? `v${r.baseVersion}` : "nothing"} when it was opened`}
                  >
                    {r.author} · reviewers: {r.reviewers.join(", ")}
                  </span>
                  <span className="shrink-0 whitespace-nowrap">
                    {r.comments} comment{r.comments === 1 ? "" : "s"} · <Time value={r.updatedAt} />
                  </span>
                </div>
              </div>
              <span className="shrink-0">
                <ReviewStatus status={r.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {nextBefore ? (
        <Link href={query({ before: String(nextBefore) })} className={`${buttonClass("secondary")} mt-4`}>
          Older reviews
        </Link>
      ) : null}
    </>
  );
}
