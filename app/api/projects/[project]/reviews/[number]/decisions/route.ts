// POST /api/projects/[project]/reviews/[number]/decisions – approve, or request changes with a comment
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { decideReview } from "@/lib/reviews/decide-review";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";
import { decisionSchema } from "@/lib/validations/review";

export const POST = apiRoute<{ project: string; number: string }>(async ({ req, params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.approve" });
  const body = await parseBody(req, decisionSchema);
  return decideReview({ ...access, decision: body.decision, body: body.body });
});
