import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listRuns, type RunView } from "@/lib/playground/list-runs";
import { diffModelConfig, type ConfigChange } from "@/lib/prompts/diff-model-config";
import { promptText } from "@/lib/prompts/prompt-text";
import { contentOf } from "@/lib/prompts/version-view";
import type { Arm } from "@/lib/releases/arms";
import { getReviewApprovalState, storedArms, type ReviewApproval } from "@/lib/reviews/get-review-approval-state";
import { getReviewOrThrow, isLive } from "@/lib/reviews/get-review-or-throw";
import { diffContracts, type ContractChange } from "@/lib/templates/diff-contracts";

export type ReviewComment = { id: string; authorName: string; authorId: string; body: string; createdAt: string };
export type ReviewThread = ReviewComment & {
  version: number | null;
  line: number | null;
  resolved: boolean;
  resolvedBy: string | null;
  replies: ReviewComment[];
};
export type ReviewEventView = {
  id: string;
  kind: string;
  actorName: string;
  version: number;
  baseVersion: number | null;
  /** The split decided on and the split the environment ran then (null: whole versions). */
  arms: Arm[] | null;
  baseArms: Arm[] | null;
  body: string;
  createdAt: string;
};

export type ReviewDetail = {
  id: string;
  number: number;
  title: string;
  description: string;
  status: string;
  prompt: { id: string; name: string; latestVersion: number };
  environment: { slug: string; name: string; protected: boolean };
  author: { id: string; name: string };
  reviewers: Array<{ id: string; name: string }>;
  version: number;
  /** The split the review asks for ("v6 90 % · v7 10 %"); null: the whole version. */
  arms: Arm[] | null;
  /** What the environment ran when the review was opened, and what it runs now (version and split). */
  openedBase: number | null;
  openedBaseArms: Arm[] | null;
  currentBase: number | null;
  currentBaseArms: Arm[] | null;
  baseText: string;
  versionText: string;
  configChanges: ConfigChange[];
  contractChanges: ContractChange[];
  approval: Omit<ReviewApproval, "approvals" | "stale" | "changesRequested"> & {
    approvals: string[];
    stale: string[];
    changesRequested: string[];
  };
  events: ReviewEventView[];
  threads: ReviewThread[];
  runs: RunView[];
  createdAt: string;
};

const view = (c: {
  id: string;
  authorName: string;
  authorId: string;
  body: string;
  createdAt: Date;
}): ReviewComment => ({
  id: c.id,
  authorName: c.authorName,
  authorId: c.authorId,
  body: c.body,
  createdAt: c.createdAt.toISOString(),
});

/** Everything the review page shows: the version against what the environment runs now, decisions, discussion, runs. */
export async function getReviewDetail(opts: { projectId: string; number: number }): Promise<ReviewDetail> {
  const review = await getReviewOrThrow({ projectId: opts.projectId, number: opts.number });
  const [full, approval, events, comments, attached] = await Promise.all([
    db.review.findUniqueOrThrow({
      where: { id: review.id },
      include: {
        author: { select: { id: true, name: true } },
        reviewers: { select: { user: { select: { id: true, name: true } } } },
        prompt: { select: { latestVersion: true } },
      },
    }),
    getReviewApprovalState({ review }),
    db.reviewEvent.findMany({ where: { reviewId: review.id }, orderBy: { createdAt: "asc" } }),
    db.reviewComment.findMany({ where: { reviewId: review.id }, orderBy: { createdAt: "asc" } }),
    db.reviewRun.findMany({ where: { reviewId: review.id }, select: { runId: true } }),
  ]);
  const [version, base] = await Promise.all([
    db.promptVersion.findUniqueOrThrow({
      where: { promptId_number: { promptId: review.promptId, number: review.version } },
    }),
    approval.currentBase !== null
      ? db.promptVersion.findUnique({
          where: { promptId_number: { promptId: review.promptId, number: approval.currentBase } },
        })
      : null,
  ]);
  const after = contentOf(version);
  const before = base ? contentOf(base) : null;
  const resolvers = await db.user.findMany({
    where: { id: { in: comments.flatMap((c) => (c.resolvedById ? [c.resolvedById] : [])) } },
    select: { id: true, name: true },
  });
  const resolverName = new Map(resolvers.map((u) => [u.id, u.name]));
  const threads: ReviewThread[] = comments
    .filter((c) => !c.threadId)
    .map((c) => ({
      ...view(c),
      version: c.version,
      line: c.line,
      resolved: c.resolvedAt !== null,
      resolvedBy: c.resolvedById ? (resolverName.get(c.resolvedById) ?? "someone") : null,
      replies: comments.filter((r) => r.threadId === c.id).map(view),
    }));
  const runs = attached.length
    ? (
        await listRuns({
          projectId: opts.projectId,
          promptId: review.promptId,
          runIds: attached.map((a) => a.runId),
          limit: 20,
        })
      ).runs
    : [];
  return {
    id: review.id,
    number: review.number,
    title: review.title,
    description: review.description,
    status: review.status,
    prompt: { id: review.prompt.id, name: review.prompt.name, latestVersion: full.prompt.latestVersion },
    environment: {
      slug: review.environment.slug,
      name: review.environment.name,
      protected: review.environment.protected,
    },
    author: full.author,
    reviewers: full.reviewers.map((r) => r.user),
    version: review.version,
    arms: storedArms(review.arms),
    openedBase: review.baseVersion,
    openedBaseArms: storedArms(review.baseArms),
    currentBase: approval.currentBase,
    currentBaseArms: approval.currentBaseArms,
    baseText: before ? promptText(before) : "",
    versionText: promptText(after),
    configChanges: diffModelConfig(before?.modelConfig ?? {}, after.modelConfig),
    contractChanges: diffContracts(before?.contract ?? null, after.contract),
    approval: {
      status: approval.status,
      required: approval.required,
      currentBase: approval.currentBase,
      currentBaseArms: approval.currentBaseArms,
      approvals: approval.approvals.map((d) => d.actorName),
      stale: approval.stale.map((d) => d.actorName),
      changesRequested: approval.changesRequested.map((d) => d.actorName),
    },
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actorName: e.actorName,
      version: e.version,
      baseVersion: e.baseVersion,
      arms: storedArms(e.arms),
      baseArms: storedArms(e.baseArms),
      body: e.body,
      createdAt: e.createdAt.toISOString(),
    })),
    threads,
    runs,
    createdAt: review.createdAt.toISOString(),
  };
}

/** Which review actions a member may take here; the server checks again on each. */
export function reviewAbilities(opts: {
  role: Parameters<typeof can>[0];
  userId: string;
  review: Pick<ReviewDetail, "author" | "status">;
}) {
  const live = isLive(opts.review.status);
  const isAuthor = opts.review.author.id === opts.userId;
  return {
    live,
    comment: can(opts.role, "review.comment"),
    decide: live && !isAuthor && can(opts.role, "review.approve"),
    promote: live && (isAuthor ? can(opts.role, "review.request") : can(opts.role, "review.promote")),
    close: (isAuthor && can(opts.role, "review.request")) || can(opts.role, "review.promote"),
    push: live && isAuthor,
    attachRuns: isAuthor,
  };
}
