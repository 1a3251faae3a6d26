// PATCH /api/projects/[project]/reviews/[number]/comments/[commentId] – resolve or unresolve a thread
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { resolveThread } from "@/lib/reviews/resolve-thread";
import { reviewRouteAccess } from "@/lib/reviews/review-route-access";
import { resolveThreadSchema } from "@/lib/validations/review";

export const PATCH = apiRoute<{ project: string; number: string; commentId: string }>(async ({ req, params, user, ctx }) => {
  const access = await reviewRouteAccess({ user, ctx, params, action: "review.comment" });
  const body = await parseBody(req, resolveThreadSchema);
  return resolveThread({ ...access, threadId: params.commentId, resolved: body.resolved });
});
