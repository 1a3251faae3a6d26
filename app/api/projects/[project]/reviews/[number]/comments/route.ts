// POST /api/projects/[project]/reviews/[number]/comments – comment on the review, on a line, or in a thread
import { apiRoute } from "@/lib/http/api-route";
import { commentOnReview } from "@/lib/reviews/comment-on-review";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";
import { commentSchema } from "@/lib/validations/review";

export const POST = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]/comments", action: "review.comment", body: commentSchema },
  async ({ params, access, body, ctx }) =>
    commentOnReview({
      ...reviewActorOf({ ctx, access, number: params.number }),
      body: body.body,
      threadId: body.threadId,
      line: body.line,
    }),
);
