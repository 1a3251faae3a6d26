import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A project's review by its number (#12). Tenant scoping is in the where clause. */
export async function getReviewOrThrow(opts: { projectId: string; number: number; tx?: Tx }) {
  const review = await (opts.tx ?? db).review.findUnique({
    where: { projectId_number: { projectId: opts.projectId, number: opts.number } },
    include: {
      prompt: { select: { id: true, name: true, archivedAt: true } },
      environment: true,
      reviewers: { select: { userId: true } },
    },
  });
  if (!review) throw new AppError({ code: "not_found", message: `No review #${opts.number} in this project.` });
  return review;
}

export type ReviewRow = Awaited<ReturnType<typeof getReviewOrThrow>>;

/** Statuses of a review still in play (not promoted or closed). */
export const LIVE_STATUSES = ["OPEN", "CHANGES_REQUESTED", "APPROVED"] as const;
export const isLive = (status: string) => (LIVE_STATUSES as readonly string[]).includes(status);

export function assertLive(review: { number: number; status: string }) {
  if (!isLive(review.status))
    throw new AppError({
      code: "conflict",
      message: `Review #${review.number} is ${review.status.toLowerCase()}; open a new review to change it.`,
    });
}

export const reviewHref = (projectSlug: string, number: number) => `/p/${projectSlug}/reviews/${number}`;
