// POST /api/projects/[project]/reviews/[number]/decisions – approve, or request changes with a comment
import { apiRoute } from "@/lib/http/api-route";
import { decideReview } from "@/lib/reviews/decide-review";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";
import { decisionSchema } from "@/lib/validations/review";

export const POST = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]/decisions", action: "review.approve", body: decisionSchema },
  async ({ params, access, body, ctx }) =>
    decideReview({
      ...reviewActorOf({ ctx, access, number: params.number }),
      decision: body.decision,
      body: body.body,
    }),
);
