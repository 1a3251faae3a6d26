// PUT /api/projects/[project]/reviews/[number]/runs – the playground runs attached to the review
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { setReviewRuns } from "@/lib/reviews/set-review-runs";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";
import { reviewRunsSchema } from "@/lib/validations/review";

export const PUT = apiRoute<{ project: string; number: string }>(async ({ req, params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.request" });
  const body = await parseBody(req, reviewRunsSchema);
  return setReviewRuns({ ...access, runIds: body.runIds });
});
