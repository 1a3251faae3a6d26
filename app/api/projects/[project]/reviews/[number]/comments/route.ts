// POST /api/projects/[project]/reviews/[number]/comments – comment on the review, on a line, or in a thread
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { commentOnReview } from "@/lib/reviews/comment-on-review";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";
import { commentSchema } from "@/lib/validations/review";

export const POST = apiRoute<{ project: string; number: string }>(async ({ req, params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.comment" });
  const body = await parseBody(req, commentSchema);
  return commentOnReview({ ...access, body: body.body, threadId: body.threadId, line: body.line });
});
