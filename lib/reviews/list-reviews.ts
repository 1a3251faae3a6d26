import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Arm } from "@/lib/releases/arms";
import { storedArms } from "@/lib/reviews/get-review-approval-state";
import { LIVE_STATUSES } from "@/lib/reviews/get-review-or-throw";
import type { ListReviewsInput } from "@/lib/validations/review";

export type ReviewListItem = {
  number: number;
  title: string;
  promptName: string;
  environment: string;
  environmentSlug: string;
  version: number;
  /** The split the review asks for; null: the whole version. */
  arms: Arm[] | null;
  baseVersion: number | null;
  status: string;
  author: string;
  reviewers: string[];
  comments: number;
  updatedAt: string;
};

const PAGE = 25;

/**
 * A project's reviews, newest first, 25 at a time (`before` = the last number seen). "to-review":
 * open ones that name me as reviewer; "mine": open ones I opened; "all": every review.
 */
export async function listReviews(opts: {
  projectId: string;
  userId: string;
  filter: ListReviewsInput;
}): Promise<{ reviews: ReviewListItem[]; nextBefore: number | null }> {
  const f = opts.filter;
  const live = { in: [...LIVE_STATUSES] };
  const where: Prisma.ReviewWhereInput = {
    projectId: opts.projectId,
    ...(f.scope === "to-review" ? { reviewers: { some: { userId: opts.userId } }, status: f.status ?? live } : {}),
    ...(f.scope === "mine" ? { authorId: opts.userId, status: f.status ?? live } : {}),
    ...(f.scope === "all" && f.status ? { status: f.status } : {}),
    ...(f.environment ? { environment: { slug: f.environment } } : {}),
    ...(f.prompt ? { prompt: { name: { contains: f.prompt.toLowerCase() } } } : {}),
    ...(f.before ? { number: { lt: f.before } } : {}),
  };
  const rows = await db.review.findMany({
    where,
    orderBy: { number: "desc" },
    take: PAGE + 1,
    include: {
      prompt: { select: { name: true } },
      environment: { select: { name: true, slug: true } },
      author: { select: { name: true } },
      reviewers: { select: { user: { select: { name: true } } } },
      _count: { select: { comments: true } },
    },
  });
  const page = rows.slice(0, PAGE);
  return {
    reviews: page.map((r) => ({
      number: r.number,
      title: r.title,
      promptName: r.prompt.name,
      environment: r.environment.name,
      environmentSlug: r.environment.slug,
      version: r.version,
      arms: storedArms(r.arms),
      baseVersion: r.baseVersion,
      status: r.status,
      author: r.author.name,
      reviewers: r.reviewers.map((x) => x.user.name),
      comments: r._count.comments,
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextBefore: rows.length > PAGE ? page[page.length - 1]!.number : null,
  };
}
