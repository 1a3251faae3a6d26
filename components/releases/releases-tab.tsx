import Link from "next/link";

import type { PromptTabProps } from "@/components/prompts/prompt-tab-props";
import { EnvironmentRelease } from "@/components/releases/environment-release";
import { PastReleases } from "@/components/releases/past-releases";
import { can } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/members/list-members";
import { getReleaseDetail } from "@/lib/release-outcomes/get-release-detail";
import { getReleasesOverview } from "@/lib/releases/get-releases-overview";

/**
 * The Releases tab: per environment what runs (a version or a split), the moves from there, and
 * each split's history and figures; then ended releases (`before`: `?before=`, the page cursor).
 */
export async function ReleasesTab({ access, prompt, here, before }: PromptTabProps & { before?: string }) {
  const projectId = access.project.id;
  const [overview, { members }] = await Promise.all([
    getReleasesOverview({ projectId, promptId: prompt.id, before }),
    listMembers({ projectId }),
  ]);
  const outcomes = new Map(
    await Promise.all(
      overview.environments
        .filter((e) => e.release)
        .map(
          async (e) =>
            [
              e.release!.id,
              await getReleaseDetail({ projectId, promptId: prompt.id, releaseId: e.release!.id }),
            ] as const,
        ),
    ),
  );
  const may = {
    deploy: can(access.role, "deployment.unprotected") && !prompt.archived,
    review: can(access.role, "review.request") && !prompt.archived,
    abort: can(access.role, "review.promote"),
  };
  const reviewers = members
    .filter((m) => m.userId !== access.user.id && can(m.role, "review.approve"))
    .map((m) => ({ id: m.userId, name: m.name }));
  const api = `/api/projects/${access.project.slug}/prompts/${prompt.id}/releases`;

  if (!overview.latestVersion)
    return (
      <p className="text-muted">
        Save a version first: a release splits an environment&apos;s traffic between versions, e.g. 90 % on what runs
        now and 10 % on a new one.
      </p>
    );
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        Send part of an environment&apos;s traffic to a new version, watch its requests and ratings, then ramp up,
        promote it to 100 % or abort. Each user (unit id) keeps their version.
      </p>
      {overview.environments.map((entry) => (
        <EnvironmentRelease
          key={entry.environment.id}
          projectSlug={access.project.slug}
          promptId={prompt.id}
          entry={entry}
          versions={overview.versions}
          may={may}
          reviewers={reviewers}
          outcomes={entry.release ? (outcomes.get(entry.release.id) ?? null) : null}
        />
      ))}
      <section aria-labelledby="past-releases" className="space-y-2">
        <h2 id="past-releases" className="font-semibold">
          Past releases
        </h2>
        {overview.past.length ? (
          <PastReleases releases={overview.past} api={api} projectSlug={access.project.slug} />
        ) : (
          <p className="text-sm text-muted">
            {before ? "No older release." : "None yet: a split shows here once it is promoted or aborted."}
          </p>
        )}
        <div className="flex gap-3 text-sm">
          {before ? (
            <Link className="text-accent hover:underline" href={`${here}?view=releases`}>
              Newest releases
            </Link>
          ) : null}
          {overview.nextBefore ? (
            <Link className="text-accent hover:underline" href={`${here}?view=releases&before=${overview.nextBefore}`}>
              Older releases
            </Link>
          ) : null}
        </div>
      </section>
    </div>
  );
}
