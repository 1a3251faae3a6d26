// GET /api/projects/[project]/reviews – reviews, filtered and paginated; POST – open a review
import { apiRoute } from "@/lib/http/api-route";
import { createReview } from "@/lib/reviews/create-review";
import { listReviews } from "@/lib/reviews/list-reviews";
import { createReviewSchema, listReviewsSchema } from "@/lib/validations/review";

const route = "/api/projects/[project]/reviews";

export const GET = apiRoute({ route, action: "review.view", query: listReviewsSchema }, async ({ access, query }) =>
  listReviews({ projectId: access.project.id, userId: access.actor.id, filter: query }),
);

export const POST = apiRoute(
  { route, action: "review.request", body: createReviewSchema },
  async ({ access, body, ctx }) => createReview({ ctx, project: access.project, actor: access.actor, input: body }),
);
