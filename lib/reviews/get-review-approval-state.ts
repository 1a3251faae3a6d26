import { can } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { approvalState, type ApprovalState } from "@/lib/reviews/approval-state";

export type ReviewApproval = ApprovalState & { currentBase: number | null };

/** A review's approvals as they stand now: against its current version and what the environment runs now. */
export async function getReviewApprovalState(opts: {
  tx?: Tx;
  review: { id: string; projectId: string; promptId: string; environmentId: string; authorId: string; version: number };
}): Promise<ReviewApproval> {
  const client = opts.tx ?? db;
  const { review } = opts;
  const [env, pointer, events, version] = await Promise.all([
    client.environment.findUniqueOrThrow({ where: { id: review.environmentId }, select: { requiredApprovals: true } }),
    client.environmentPrompt.findUnique({
      where: { environmentId_promptId: { environmentId: review.environmentId, promptId: review.promptId } },
      select: { version: true },
    }),
    client.reviewEvent.findMany({
      where: { reviewId: review.id, kind: { in: ["approved", "changes-requested"] } },
      orderBy: { createdAt: "asc" },
    }),
    client.promptVersion.findUnique({
      where: { promptId_number: { promptId: review.promptId, number: review.version } },
      select: { authorId: true },
    }),
  ]);
  const deciders = [...new Set(events.map((e) => e.actorId))];
  const memberships = deciders.length
    ? await client.membership.findMany({
        where: { projectId: review.projectId, userId: { in: deciders } },
        select: { userId: true, role: true },
      })
    : [];
  const roleOf = new Map(memberships.map((m) => [m.userId, m.role]));
  const currentBase = pointer?.version ?? null;
  const state = approvalState({
    events,
    version: review.version,
    currentBase,
    required: env.requiredApprovals,
    excluded: new Set([review.authorId, ...(version ? [version.authorId] : [])]),
    mayApprove: (userId) => can(roleOf.get(userId), "review.approve"),
  });
  return { ...state, currentBase };
}
