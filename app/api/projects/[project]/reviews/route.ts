// GET /api/projects/[project]/reviews – reviews, filtered and paginated; POST – open a review
import { apiRoute, parseBody, parseQuery } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { createReview } from "@/lib/reviews/create-review";
import { listReviews } from "@/lib/reviews/list-reviews";
import { createReviewSchema, listReviewsSchema } from "@/lib/validations/review";

export const GET = apiRoute<{ project: string }>(async ({ req, params, user }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "review.view" });
  return listReviews({ projectId: access.project.id, userId: access.user.id, filter: parseQuery(req, listReviewsSchema) });
});

export const POST = apiRoute<{ project: string }>(async ({ req, params, user, ctx }) => {
  const access = await requireProjectPermission({ user, projectSlug: params.project, action: "review.request" });
  const input = await parseBody(req, createReviewSchema);
  return createReview({ ctx, project: access.project, actor: { id: access.user.id, name: access.user.name, role: access.role }, input });
});
