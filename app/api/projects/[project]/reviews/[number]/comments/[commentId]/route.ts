// PATCH /api/projects/[project]/reviews/[number]/comments/[commentId] – resolve or unresolve a thread
import { apiRoute } from "@/lib/http/api-route";
import { resolveThread } from "@/lib/reviews/resolve-thread";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";
import { resolveThreadSchema } from "@/lib/validations/review";

export const PATCH = apiRoute(
  {
    route: "/api/projects/[project]/reviews/[number]/comments/[commentId]",
    action: "review.comment",
    body: resolveThreadSchema,
  },
  async ({ params, access, body, ctx }) =>
    resolveThread({
      ...reviewActorOf({ ctx, access, number: params.number }),
      threadId: params.commentId,
      resolved: body.resolved,
    }),
);
