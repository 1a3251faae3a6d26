// PUT /api/projects/[project]/reviews/[number]/runs – the playground runs attached to the review
import { apiRoute } from "@/lib/http/api-route";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";
import { setReviewRuns } from "@/lib/reviews/set-review-runs";
import { reviewRunsSchema } from "@/lib/validations/review";

export const PUT = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]/runs", action: "review.request", body: reviewRunsSchema },
  async ({ params, access, body, ctx }) =>
    setReviewRuns({ ...reviewActorOf({ ctx, access, number: params.number }), runIds: body.runIds }),
);
