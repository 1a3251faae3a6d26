// POST /api/projects/[project]/reviews/[number]/close – close without promoting ({ reopen: true } reopens)
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { closeReview } from "@/lib/reviews/close-review";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";
import { closeReviewSchema } from "@/lib/validations/review";

export const POST = apiRoute<{ project: string; number: string }>(async ({ req, params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.request" });
  const body = await parseBody(req, closeReviewSchema);
  return closeReview({ ...access, reopen: body.reopen, body: body.body });
});
