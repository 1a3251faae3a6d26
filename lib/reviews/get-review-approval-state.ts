import { can } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db";
import { parseArms, type Arm } from "@/lib/releases/arms";
import { approvalState, type ApprovalState } from "@/lib/reviews/approval-state";

export type ReviewApproval = ApprovalState & {
  currentBase: number | null;
  /** The split the environment runs now (null: none). */
  currentBaseArms: Arm[] | null;
};

/** Arms stored in a Json column (null: none). */
export const storedArms = (value: unknown): Arm[] | null => (value == null ? null : parseArms(value));

/**
 * A review's approvals as they stand now: against its current version and split, and what the
 * environment runs now (its version and split).
 */
export async function getReviewApprovalState(opts: {
  tx?: Tx;
  review: {
    id: string;
    projectId: string;
    promptId: string;
    environmentId: string;
    authorId: string;
    version: number;
    arms: unknown;
  };
}): Promise<ReviewApproval> {
  const client = opts.tx ?? db;
  const { review } = opts;
  const [env, pointer, events, version] = await Promise.all([
    client.environment.findUniqueOrThrow({ where: { id: review.environmentId }, select: { requiredApprovals: true } }),
    client.environmentPrompt.findUnique({
      where: { environmentId_promptId: { environmentId: review.environmentId, promptId: review.promptId } },
      select: { version: true, release: { select: { arms: true } } },
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
  const currentBaseArms = storedArms(pointer?.release?.arms);
  const state = approvalState({
    events: events.map((e) => ({ ...e, arms: storedArms(e.arms), baseArms: storedArms(e.baseArms) })),
    version: review.version,
    currentBase,
    arms: storedArms(review.arms),
    currentBaseArms,
    required: env.requiredApprovals,
    excluded: new Set([review.authorId, ...(version ? [version.authorId] : [])]),
    mayApprove: (userId) => can(roleOf.get(userId), "review.approve"),
  });
  return { ...state, currentBase, currentBaseArms };
}
