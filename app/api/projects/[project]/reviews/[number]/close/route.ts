// POST /api/projects/[project]/reviews/[number]/close – close without promoting ({ reopen: true } reopens)
import { apiRoute } from "@/lib/http/api-route";
import { closeReview } from "@/lib/reviews/close-review";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";
import { closeReviewSchema } from "@/lib/validations/review";

export const POST = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]/close", action: "review.request", body: closeReviewSchema },
  async ({ params, access, body, ctx }) =>
    closeReview({ ...reviewActorOf({ ctx, access, number: params.number }), reopen: body.reopen, body: body.body }),
);
