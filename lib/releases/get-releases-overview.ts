import { db } from "@/lib/db";
import { keysetPage, olderThan } from "@/lib/db/keyset-page";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { parseArms, type Arm } from "@/lib/releases/arms";
import { releaseView, type ReleaseView } from "@/lib/releases/release-view";

/** One step of a release (a Deployment naming it): who moved the split from what to what, and why. */
export type ReleaseStepView = {
  id: string;
  kind: string;
  fromVersion: number | null;
  toVersion: number;
  fromArms: Arm[] | null;
  arms: Arm[] | null;
  actorName: string;
  reason: string;
  reviewNumber: number | null;
  createdAt: string;
};

/** A release as the Releases tab lists it: R's ReleaseView with its environment named. */
export type ReleaseSummary = ReleaseView & { environment: { slug: string; name: string } };

/** A review of this prompt for an environment that has not been promoted or closed yet. */
export type PendingReviewView = { number: number; version: number; arms: Arm[] | null; status: string };

export type EnvironmentReleaseView = {
  environment: { id: string; slug: string; name: string; protected: boolean };
  /** The version it runs (its base arm during a split); null: none. */
  version: number | null;
  /** The active split, with every step so far (oldest first). */
  release: (ReleaseSummary & { steps: ReleaseStepView[] }) | null;
  pendingReviews: PendingReviewView[];
};

export type ReleasesOverview = {
  latestVersion: number;
  /** The newest versions (for the canary picker) and every version a split or pointer names, with messages. */
  versions: Array<{ number: number; message: string }>;
  environments: EnvironmentReleaseView[];
  /** Ended releases, newest first. */
  past: ReleaseSummary[];
  /** `before` for the next page of `past`; null on the last page. */
  nextBefore: string | null;
};

const PAST_PAGE = 10;
const PICKER_VERSIONS = 50;
const MAX_STEPS = 200;

const arm = (value: unknown) => (value == null ? null : parseArms(value));

type ReleaseRow = Parameters<typeof releaseView>[0] & { environment: { slug: string; name: string } };

export const releaseSummary = (row: ReleaseRow): ReleaseSummary => ({
  ...releaseView(row),
  environment: { slug: row.environment.slug, name: row.environment.name },
});

/** A release's steps, oldest first (at most MAX_STEPS: a release ramped more often shows its latest ones). */
export async function listReleaseSteps(opts: { projectId: string; releaseId: string }): Promise<ReleaseStepView[]> {
  const rows = await db.deployment.findMany({
    where: { projectId: opts.projectId, releaseId: opts.releaseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_STEPS,
  });
  return rows.reverse().map((d) => ({
    id: d.id,
    kind: d.kind,
    fromVersion: d.fromVersion,
    toVersion: d.toVersion,
    fromArms: arm(d.fromArms),
    arms: arm(d.arms),
    actorName: d.actorName,
    reason: d.reason,
    reviewNumber: d.reviewNumber,
    createdAt: d.createdAt.toISOString(),
  }));
}

/**
 * The Releases tab's data for one prompt: per environment what it runs (a version or the active
 * split with its steps, and reviews waiting), then ended releases a page at a time (`before`: the
 * last release id of the previous page).
 */
export async function getReleasesOverview(opts: {
  projectId: string;
  promptId: string;
  before?: string;
}): Promise<ReleasesOverview> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  const cursor = opts.before
    ? await db.release.findFirst({
        where: { id: opts.before, promptId: prompt.id, projectId: opts.projectId },
        select: { id: true, createdAt: true },
      })
    : null;
  const environmentSelect = { select: { slug: true, name: true } } as const;
  const [environments, active, pastRows, reviews] = await Promise.all([
    db.environment.findMany({
      where: { projectId: opts.projectId },
      orderBy: { position: "asc" },
      include: { pointers: { where: { promptId: prompt.id } } },
    }),
    db.release.findMany({
      where: { projectId: opts.projectId, promptId: prompt.id, status: "active" },
      include: { environment: environmentSelect },
    }),
    db.release.findMany({
      where: { projectId: opts.projectId, promptId: prompt.id, status: { not: "active" }, ...olderThan(cursor) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAST_PAGE + 1,
      include: { environment: environmentSelect },
    }),
    db.review.findMany({
      where: {
        projectId: opts.projectId,
        promptId: prompt.id,
        status: { in: ["OPEN", "CHANGES_REQUESTED", "APPROVED"] },
      },
      orderBy: { number: "desc" },
      take: 50,
      select: { number: true, version: true, arms: true, status: true, environmentId: true },
    }),
  ]);
  const { page, nextBefore } = keysetPage(pastRows, PAST_PAGE);
  const steps = new Map(
    await Promise.all(
      active.map(async (r) => [r.id, await listReleaseSteps({ projectId: opts.projectId, releaseId: r.id })] as const),
    ),
  );
  const activeByEnvironment = new Map(active.map((r) => [r.environmentId, r]));
  const named = new Set<number>();
  const views: EnvironmentReleaseView[] = environments.map((e) => {
    const pointer = e.pointers[0];
    const release = pointer?.releaseId ? activeByEnvironment.get(e.id) : undefined;
    if (pointer) named.add(pointer.version);
    const view = release ? { ...releaseSummary(release), steps: steps.get(release.id) ?? [] } : null;
    view?.arms.forEach((a) => named.add(a.version));
    return {
      environment: { id: e.id, slug: e.slug, name: e.name, protected: e.protected },
      version: pointer?.version ?? null,
      release: view,
      pendingReviews: reviews
        .filter((r) => r.environmentId === e.id)
        .map((r) => ({ number: r.number, version: r.version, arms: arm(r.arms), status: r.status })),
    };
  });
  const past = page.map(releaseSummary);
  past.forEach((r) => r.arms.forEach((a) => named.add(a.version)));
  const versions = await db.promptVersion.findMany({
    where: {
      promptId: prompt.id,
      OR: [{ number: { gt: prompt.latestVersion - PICKER_VERSIONS } }, { number: { in: [...named] } }],
    },
    orderBy: { number: "desc" },
    select: { number: true, message: true },
  });
  return { latestVersion: prompt.latestVersion, versions, environments: views, past, nextBefore };
}
