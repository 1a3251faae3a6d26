// POST /api/projects/[project]/reviews/[number]/promote – deploy the approved version to the review's environment
import { apiRoute } from "@/lib/http/api-route";
import { promoteReview } from "@/lib/deployments/promote-review";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";

export const POST = apiRoute<{ project: string; number: string }>(async ({ params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.request" });
  return promoteReview(access);
});
