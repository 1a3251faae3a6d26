// POST /api/projects/[project]/reviews/[number]/version – the author puts a newer version up for review
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { pushReviewVersion } from "@/lib/reviews/push-review-version";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";
import { pushVersionSchema } from "@/lib/validations/review";

export const POST = apiRoute<{ project: string; number: string }>(async ({ req, params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.request" });
  const body = await parseBody(req, pushVersionSchema);
  return pushReviewVersion({ ...access, version: body.version });
});
