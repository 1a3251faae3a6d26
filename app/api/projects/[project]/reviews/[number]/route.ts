// GET /api/projects/[project]/reviews/[number] – a review with its diff, decisions, discussion and runs
import { apiRoute } from "@/lib/http/api-route";
import { getReviewDetail } from "@/lib/reviews/get-review-detail";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";

type Params = { project: string; number: string };

export const GET = apiRoute<Params>(async ({ params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.view" });
  return getReviewDetail({ projectId: access.project.id, number: access.number });
});
