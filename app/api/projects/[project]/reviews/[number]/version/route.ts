// POST /api/projects/[project]/reviews/[number]/version – the author puts a newer version up for review
import { apiRoute } from "@/lib/http/api-route";
import { pushReviewVersion } from "@/lib/reviews/push-review-version";
import { reviewActorOf } from "@/lib/reviews/review-actor-of";
import { pushVersionSchema } from "@/lib/validations/review";

export const POST = apiRoute(
  { route: "/api/projects/[project]/reviews/[number]/version", action: "review.request", body: pushVersionSchema },
  async ({ params, access, body, ctx }) =>
    pushReviewVersion({ ...reviewActorOf({ ctx, access, number: params.number }), version: body.version }),
);
